/** Finds the character offset of the first JSON syntax error, because Node's JSON.parse messages do not always carry a position. */

const WS = new Set([" ", "\t", "\n", "\r"]);

class Stop extends Error {
  constructor(readonly offset: number) {
    super("json syntax error");
  }
}

/** Returns the offset of the first syntax error in `text`, or -1 when it is valid JSON. */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const skip = (): void => {
    while (i < text.length && WS.has(text[i] ?? "")) i++;
  };
  const expect = (literal: string): void => {
    if (text.startsWith(literal, i)) i += literal.length;
    else throw new Stop(i);
  };
  const string = (): void => {
    i++;
    while (i < text.length) {
      const c = text[i];
      if (c === '"') {
        i++;
        return;
      }
      if (c === "\\") i++;
      else if ((c ?? "").charCodeAt(0) < 0x20) throw new Stop(i);
      i++;
    }
    throw new Stop(i);
  };
  const number = (): void => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) throw new Stop(i);
    i += m[0].length;
  };
  const value = (): void => {
    skip();
    const c = text[i];
    if (c === "{") {
      i++;
      skip();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        skip();
        if (text[i] !== '"') throw new Stop(i);
        string();
        skip();
        expect(":");
        value();
        skip();
        if (text[i] === ",") i++;
        else if (text[i] === "}") {
          i++;
          return;
        } else throw new Stop(i);
      }
    }
    if (c === "[") {
      i++;
      skip();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (;;) {
        value();
        skip();
        if (text[i] === ",") i++;
        else if (text[i] === "]") {
          i++;
          return;
        } else throw new Stop(i);
      }
    }
    if (c === '"') return string();
    if (c === "t") return expect("true");
    if (c === "f") return expect("false");
    if (c === "n") return expect("null");
    return number();
  };
  try {
    value();
    skip();
    return i < text.length ? i : -1;
  } catch (error) {
    if (error instanceof Stop) return error.offset;
    throw error;
  }
}
