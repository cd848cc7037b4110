/**
 * code-server ships VS Code's server for exactly one Node major version, so the version we
 * install follows the Node that runs the tests (see docs on the offline VS Code host).
 */
const CODE_SERVER_BY_NODE_MAJOR: Record<number, string> = {
  20: '4.100.3',
  22: '4.106.3',
  24: '4.139.1',
};

export function codeServerVersionForNode(nodeVersion = process.versions.node): string {
  const major = Number(nodeVersion.split('.')[0]);
  const version = CODE_SERVER_BY_NODE_MAJOR[major];
  if (!version) {
    const known = Object.keys(CODE_SERVER_BY_NODE_MAJOR).join(', ');
    throw new Error(`No pinned code-server for Node ${nodeVersion}; supported Node majors: ${known}`);
  }
  return version;
}
