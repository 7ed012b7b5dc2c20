import readline from 'node:readline';

/** The prompt ended without a password (Ctrl-C, end of input, or two different ones). */
export class PromptFailed extends Error {}

export type PromptStreams = {
  input: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  /** Where the questions go: standard error, so that standard output stays the result. */
  output: NodeJS.WritableStream;
};

type LineReader = { read: (question: string) => Promise<string>; close: () => void };

/**
 * A terminal in raw mode: the keys typed are not echoed (not even as stars, which would tell the
 * length); Backspace removes the last one, Enter ends, Ctrl-C cancels.
 */
function hiddenLines({ input, output }: PromptStreams): LineReader {
  return {
    read: (question) =>
      new Promise<string>((resolve, reject) => {
        output.write(question);
        let typed = '';
        const finish = (error: Error | null) => {
          input.removeListener('data', onData);
          input.setRawMode?.(false);
          input.pause();
          output.write('\n');
          if (error) reject(error);
          else resolve(typed);
        };
        const onData = (chunk: Buffer | string) => {
          for (const char of chunk.toString()) {
            if (char === '\r' || char === '\n') return finish(null);
            if (char === '\u0003')
              return finish(new PromptFailed('Cancelled: nothing was created'));
            if (char === '\u0004') {
              if (typed === '') return finish(new PromptFailed('No password given'));
              return finish(null);
            }
            if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
            else if (char >= ' ') typed += char;
          }
        };
        input.setRawMode?.(true);
        input.on('data', onData);
        input.resume();
      }),
    close: () => {},
  };
}

/** Standard input that is no terminal (a pipe, a test): one line per question, nothing echoed. */
function plainLines({ input, output }: PromptStreams): LineReader {
  const lines = readline.createInterface({ input, terminal: false });
  const next = lines[Symbol.asyncIterator]();
  return {
    read: async (question) => {
      output.write(question);
      const line = await next.next();
      if (line.done) {
        throw new PromptFailed(
          'Standard input ended before the password was given (or use --password-stdin)',
        );
      }
      return line.value;
    },
    close: () => lines.close(),
  };
}

/** Asks for a new password twice, without showing it; the two must be the same. */
export async function promptNewPassword(streams: PromptStreams): Promise<string> {
  const reader =
    streams.input.isTTY && streams.input.setRawMode ? hiddenLines(streams) : plainLines(streams);
  try {
    const first = await reader.read('Password (at least 12 characters; not shown as you type): ');
    const second = await reader.read('The same password again: ');
    if (first !== second) throw new PromptFailed('The two passwords differ: nothing was created');
    return first;
  } finally {
    reader.close();
  }
}
