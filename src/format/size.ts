/** Sizes as people read them: 512 bytes, 1.5 KB, 50 MB. */
export function formatSize(bytes: number): string {
  const [value, unit] = bytes < 1024 ? [bytes, 'bytes'] : bytes < 1_048_576 ? [bytes / 1024, 'KB'] : [bytes / 1_048_576, 'MB'];
  return `${Math.round(value * 10) / 10} ${unit}`;
}
