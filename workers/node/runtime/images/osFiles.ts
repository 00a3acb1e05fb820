/** The files and directories every image of a base OS family has. */
import type { OsFamily } from './spec';

const COMMON_DIRS = ['/dev/', '/etc/', '/proc/', '/root/', '/sys/', '/tmp/', '/usr/', '/var/', '/home/'];
const FHS_DIRS = ['/bin/', '/lib/', '/media/', '/mnt/', '/opt/', '/run/', '/sbin/', '/srv/', '/usr/bin/', '/usr/local/bin/', '/usr/sbin/', '/usr/lib/', '/var/log/', '/var/lib/'];

const DEBIAN_OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

const UBUNTU_OS_RELEASE = `PRETTY_NAME="Ubuntu 24.04.1 LTS"
NAME="Ubuntu"
VERSION_ID="24.04"
VERSION="24.04.1 LTS (Noble Numbat)"
VERSION_CODENAME=noble
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=noble
LOGO=ubuntu-logo
`;

const ALPINE_OS_RELEASE = `NAME="Alpine Linux"
ID=alpine
VERSION_ID=3.20.3
PRETTY_NAME="Alpine Linux v3.20"
HOME_URL="https://alpinelinux.org/"
BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"
`;

const PASSWD_DEBIAN = `root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
bin:x:2:2:bin:/bin:/usr/sbin/nologin
sys:x:3:3:sys:/dev:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
`;

const PASSWD_BUSYBOX = `root:x:0:0:root:/root:/bin/sh
daemon:x:1:1:daemon:/usr/sbin:/bin/false
bin:x:2:2:bin:/bin:/bin/false
sys:x:3:3:sys:/dev:/bin/false
sync:x:4:100:sync:/bin:/bin/sync
mail:x:8:8:mail:/var/spool/mail:/bin/false
www-data:x:33:33:www-data:/var/www:/bin/false
operator:x:37:37:Operator:/var:/bin/false
nobody:x:65534:65534:nobody:/home:/bin/false
`;

export function osFiles(os: OsFamily): Record<string, string> {
  const files: Record<string, string> = {};
  for (const d of COMMON_DIRS) files[d] = '';
  if (os === 'scratch') return files;
  if (os !== 'distroless') for (const d of FHS_DIRS) files[d] = '';
  switch (os) {
    case 'debian':
      files['/etc/os-release'] = DEBIAN_OS_RELEASE;
      files['/etc/debian_version'] = '12.8\n';
      files['/etc/passwd'] = PASSWD_DEBIAN;
      files['/boot/'] = '';
      files['/lib64/'] = '';
      break;
    case 'ubuntu':
      files['/etc/os-release'] = UBUNTU_OS_RELEASE;
      files['/etc/passwd'] = PASSWD_DEBIAN;
      files['/boot/'] = '';
      files['/lib64/'] = '';
      break;
    case 'alpine':
      files['/etc/os-release'] = ALPINE_OS_RELEASE;
      files['/etc/alpine-release'] = '3.20.3\n';
      files['/etc/passwd'] = PASSWD_BUSYBOX;
      break;
    case 'busybox':
      files['/etc/passwd'] = PASSWD_BUSYBOX;
      files['/lib64/'] = '';
      delete files['/media/'];
      delete files['/mnt/'];
      delete files['/opt/'];
      delete files['/run/'];
      delete files['/sbin/'];
      delete files['/srv/'];
      break;
    case 'distroless':
      files['/etc/passwd'] = 'root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n';
      files['/etc/os-release'] = 'PRETTY_NAME="Distroless"\nNAME="Debian GNU/Linux"\nID="debian"\nVERSION_ID="12"\nVERSION="Debian GNU/Linux 12 (bookworm)"\nHOME_URL="https://github.com/GoogleContainerTools/distroless"\n';
      break;
  }
  return files;
}
