/** What `help` prints: what this terminal can do, and the files -f can read. */
import { formatCandidates } from './completion';
import { EDITOR_FILE } from './files';

const B = '\x1b[1m';
const D = '\x1b[2m';
const R = '\x1b[0m';

export function helpText(files: readonly string[], cols = 80): string {
  const examples = files.filter((f) => f.startsWith('examples/'));
  const lines = [
    `${B}Kube Playground terminal${R}: kubectl 1.32 against the cluster running in this page.`,
    '',
    `  ${B}kubectl${R} …                            get, describe, apply, delete, logs, scale, rollout, …`,
    `                                       ${D}\`kubectl help\` lists every command; try \`kubectl get pods -o wide\`${R}`,
    `  ${B}kubectl apply -f ${EDITOR_FILE}${R}           apply what the YAML editor holds`,
    `  ${B}kubectl apply -f examples/${R}<file>      apply an example manifest (Tab lists them)`,
    `  ${B}clear${R}, ${B}history${R}, ${B}help${R}`,
    '',
    `Keys: ${B}Tab${R} completes (twice lists)  ${B}↑ ↓${R} history  ${B}Ctrl+C${R} stops a command  ${B}Ctrl+L${R} clears`,
    `      ${B}Ctrl+A/E${R} start/end of line  ${B}Ctrl+U/K/W${R} delete before/after the cursor, the word before`,
    `      ${B}Ctrl+\`${R} shows or hides this terminal`,
    `${D}One command at a time: pipes, redirection and other programs are not available.${R}`,
  ];
  let out = `${lines.join('\n')}\n`;
  if (examples.length) out += `\nExamples (kubectl apply -f examples/<file>):\n${D}${formatCandidates(examples.map((e) => e.slice('examples/'.length)), cols)}${R}`;
  return out;
}
