import { formatCount } from './count';
import { formatSize } from './size';

/** `47.1 KB (48,213 bytes)`: the rounded size with the exact count, for where there is room; `512 bytes` is exact already. */
export function formatFileSize(bytes: number): string {
  return bytes < 1024 ? formatSize(bytes) : `${formatSize(bytes)} (${formatCount(bytes)} bytes)`;
}
