export { type ApiErrorDetails, type ApiErrorKind, FlexpriceApiError, isFlexpriceApiError } from './apiError';
export type { DownloadOptions } from './downloadFile';
export { type ClientConfig, FlexpriceClient, MAX_RESPONSE_BYTES } from './flexpriceClient';
export { normalizeTaskId, taskPath, type TaskIdResult, MAX_TASK_ID_LENGTH } from './taskId';
export type { TaskListFilter } from './taskListQuery';
export * from './taskSchema';
