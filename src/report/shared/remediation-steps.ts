/** Splits a policy's remediation text into paragraphs, numbered steps and commands, so reporters can render steps as a list and commands as code. */

/** One block of a remediation: prose, a numbered step (with any commands under it), or a command block. */
export type RemediationBlock = { kind: "text"; text: string } | { kind: "step"; text: string; code: string[] } | { kind: "code"; code: string };

const FENCE = /^\s*```/;
const STEP = /^\s*\d+\.\s+(.*)$/;
// "CLI: aws workspaces ..." inside a step: the command is code, whatever follows on indented lines belongs to it.
const CLI = /^(.*?\bCLI:)\s*((?:aws|wsaudit)\s.*)$/s;

function dedent(lines: string[]): string {
  const indents = lines.filter((l) => l.trim() !== "").map((l) => /^ */.exec(l)?.[0].length ?? 0);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join("\n").trim();
}

/**
 * The format policies use (docs/writing-policies.md): numbered steps `1. ...`, continuation lines indented under
 * them, commands in fenced blocks (```sh) indented under their step; `CLI: aws ...` on a step is read as a command too.
 */
export function remediationBlocks(remediation: string): RemediationBlock[] {
  const blocks: RemediationBlock[] = [];
  const lines = remediation.replace(/\r\n?/g, "\n").split("\n");
  let step: { text: string[]; code: string[] } | undefined;
  let para: string[] = [];
  const flushPara = (): void => {
    if (para.length > 0) blocks.push({ kind: "text", text: para.join(" ").trim() });
    para = [];
  };
  const flushStep = (): void => {
    if (!step) return;
    const text = step.text.join("\n");
    const cli = CLI.exec(text);
    const code = [...step.code];
    let prose = text.replace(/\s*\n\s*/g, " ").trim();
    if (cli) {
      prose = (cli[1] ?? "").replace(/\s*\n\s*/g, " ").trim();
      // The command's first line follows "CLI:"; the lines under it are indented as the YAML left them.
      const [first = "", ...rest] = (cli[2] ?? "").split("\n");
      code.unshift([first.trim(), ...(rest.length > 0 ? [dedent(rest)] : [])].join("\n"));
    }
    blocks.push({ kind: "step", text: prose, code });
    step = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (FENCE.test(line)) {
      const body: string[] = [];
      for (i++; i < lines.length && !FENCE.test(lines[i] ?? ""); i++) body.push(lines[i] ?? "");
      const code = dedent(body);
      if (step) step.code.push(code);
      else {
        flushPara();
        blocks.push({ kind: "code", code });
      }
      continue;
    }
    const m = STEP.exec(line);
    if (m) {
      flushPara();
      flushStep();
      step = { text: [m[1] ?? ""], code: [] };
    } else if (line.trim() === "") {
      flushPara();
    } else if (step && /^\s+/.test(line)) {
      if (step.code.length > 0) step.text.push("");
      step.text.push(line);
    } else {
      flushStep();
      para.push(line.trim());
    }
  }
  flushPara();
  flushStep();
  return blocks;
}
