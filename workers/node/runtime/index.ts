/**
 * The container runtime of one node: `createRuntime(clock, rng, nodeName)`.
 * Images come from the catalogue (images/), containers are simulated
 * processes on the virtual clock (process/), shell commands run through a
 * small POSIX shell (shell/).
 */
import type { Clock } from '../../clock/clock';
import type { Rng } from '../../clock/prng';
import type { ContainerConfig, ContainerProcess, ContainerRuntime, PullResult } from './types';
import { ImageStore } from './pull';
import { PRELOADED } from './images/catalogue';
import { osFiles } from './images/osFiles';
import { ImageLayer } from './process/filesystem';
import { Container } from './process/container';
import type { ResolvedImage } from './images/resolve';
import { imageTools, type ImageTools } from './process/lookup';

export type * from './types';
export { parseImageReference } from './images/reference';
export { piDigits } from './images/programs/pi';

/** Image layers are immutable and shared by all containers (and nodes) running the same image. */
const LAYERS = new Map<string, ImageLayer>();

function layerFor(image: ResolvedImage): ImageLayer {
  let layer = LAYERS.get(image.info.id);
  if (!layer) {
    const spec = image.spec;
    const os = typeof spec.os === 'function' ? spec.os(image.version) : spec.os;
    const files: Record<string, string> = { ...osFiles(os), ...(spec.files?.(image.version) ?? {}) };
    for (const path of Object.keys(spec.programs(image.version))) if (path.startsWith('/')) files[path] ??= '';
    const shell = typeof spec.shell === 'function' ? spec.shell(image.version) : spec.shell;
    if (shell) files['/bin/sh'] ??= '';
    if (spec.bash || shell === 'bash') files['/bin/bash'] ??= '';
    if (image.info.workingDir) files[`${image.info.workingDir.replace(/\/$/, '')}/`] = '';
    layer = new ImageLayer(files);
    LAYERS.set(image.info.id, layer);
  }
  return layer;
}

/** Image programs are stateless functions: one set per image. */
const TOOLS = new Map<string, ImageTools>();

function toolsFor(image: ResolvedImage): ImageTools {
  let t = TOOLS.get(image.info.id);
  if (!t) {
    const { spec, version } = image;
    const toolset = typeof spec.toolset === 'function' ? spec.toolset(version) : spec.toolset;
    const shell = typeof spec.shell === 'function' ? spec.shell(version) : spec.shell;
    t = imageTools(spec.programs(version), toolset, shell, spec.bash ?? shell === 'bash', spec.extraTools ?? []);
    TOOLS.set(image.info.id, t);
  }
  return t;
}

export function createRuntime(clock: Clock, rng: Rng, nodeName: string): ContainerRuntime {
  const store = new ImageStore(rng, () => clock.now());
  const component = `runtime/${nodeName}`;
  for (const ref of PRELOADED) store.preload(ref);
  return {
    pull(imageRef: string): PullResult {
      return store.pull(imageRef);
    },
    hasImage(imageRef: string): boolean {
      return store.has(imageRef);
    },
    start(config: ContainerConfig): ContainerProcess {
      // The kubelet passes the ImageInfo from its pull; an image it never pulled here is looked up by id.
      const resolved = store.infoFor(config.image) ?? store.get(config.image.ref);
      if (!resolved) throw new Error(`image ${config.image.ref} is not present on node ${nodeName}`);
      return new Container(clock, rng.fork(), component, config, resolved, layerFor(resolved), toolsFor(resolved));
    },
    listImages() {
      return store.list();
    },
  };
}
