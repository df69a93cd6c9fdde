// The one paragraph a user reads when Electron's binary is missing and cannot be fetched: what, how big, once,
// and the two ways round a closed network. Imports: nothing.

export interface MissingBinary {
  version: string;
  platform: string;
  arch: string;
  reason: string;
}

export function missingBinaryMessage({ version, platform, arch, reason }: MissingBinary): string {
  const zip = `electron-v${version}-${platform}-${arch}.zip`;
  return (
    `Winnow cannot start: it needs the Electron ${version} binary for ${platform}-${arch} (${zip}, about 100 MB), ` +
    `which is downloaded only once, on the first start, and the download failed (${reason}). ` +
    `Connect to the internet and run the command again; on a closed network, point at a mirror that serves ` +
    `v${version}/${zip} with ELECTRON_MIRROR=https://your-mirror/electron/, or at a proxy with ` +
    `HTTPS_PROXY=http://proxy-host:port.`
  );
}
