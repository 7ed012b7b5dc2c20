import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Text the browser fetches; fonts (woff, woff2) and images are compressed formats already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt)$/;

/**
 * The file whose brotli copy is written last: build-web-if-needed.ts takes a build as complete
 * only when it is there, so a build cut short before compressing is built again.
 */
export const PRECOMPRESSED_LAST = 'index.html';

/**
 * Writes a brotli (`.br`, quality 11) and a gzip (`.gz`, level 9) copy beside every text file of
 * the build. The server sends them as they are (@fastify/static's preCompressed) by the
 * browser's Accept-Encoding: the highest compression costs nothing per request, as it is paid
 * once here, and the server compresses nothing at run time.
 */
export function precompress(): Plugin {
  return {
    name: 'rekisteri:precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const outDir = options.dir;
      if (!outDir) throw new Error('precompress needs build.outDir (output.dir)');
      const files = Object.keys(bundle).filter((name) => COMPRESSIBLE.test(name));
      const last = files.filter((name) => name === PRECOMPRESSED_LAST);
      const compress = async (name: string) => {
        const file = path.join(outDir, name);
        const source = await fs.readFile(file);
        const [br, gz] = await Promise.all([
          brotli(source, {
            params: {
              [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
              [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: source.length,
            },
          }),
          gzip(source, { level: zlib.constants.Z_BEST_COMPRESSION }),
        ]);
        await fs.writeFile(`${file}.gz`, gz);
        await fs.writeFile(`${file}.br`, br);
      };
      await Promise.all(files.filter((name) => name !== PRECOMPRESSED_LAST).map(compress));
      for (const name of last) await compress(name);
    },
  };
}
