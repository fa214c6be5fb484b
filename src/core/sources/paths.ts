// Path arithmetic for files a source references (`DefinitionUri: statemachine/x.asl.json`), without Node's
// `path` so the core also runs where there is none. Accepts `/` and `\` separators.

export function dirnameOf(file: string): string {
  const i = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return i < 0 ? '.' : i === 0 ? file.slice(0, 1) : file.slice(0, i);
}

export function basenameOf(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}

/** `relative` resolved against the folder of `fromFile` (absolute `relative` kept), normalised. */
export function resolveBeside(fromFile: string, relative: string): string {
  const sep = fromFile.includes('\\') && !fromFile.includes('/') ? '\\' : '/';
  const isAbsolute = relative.startsWith('/') || /^[A-Za-z]:[\\/]/.test(relative);
  const joined = isAbsolute ? relative : `${dirnameOf(fromFile)}${sep}${relative}`;
  const lead = /^([A-Za-z]:)?[\\/]/.exec(joined)?.[0] ?? '';
  const out: string[] = [];
  for (const seg of joined.slice(lead.length).split(/[\\/]/)) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && out.length && out[out.length - 1] !== '..') out.pop();
    else out.push(seg);
  }
  return lead + out.join(sep);
}

export function languageOfPath(file: string): 'asl' | 'asl-yaml' {
  return /\.ya?ml$/i.test(file) ? 'asl-yaml' : 'asl';
}
