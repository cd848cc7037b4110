import axios, { type AxiosInstance } from 'axios';
import type * as z from 'zod/mini';
import { type Logger, SILENT_LOGGER, urlWithoutQuery } from '../log/logger';
import { FlexpriceApiError, isFlexpriceApiError } from './apiError';
import { type DownloadOptions, downloadFile } from './downloadFile';
import { keepCredentialsOnOrigin } from './redirectGuard';
import { parseResponseBody } from './responseBody';
import { type CurrentUser, CurrentUserSchema, type EnvironmentList, EnvironmentListSchema } from './identitySchema';
import { errorFromStatus } from './statusError';
import { type ExportRange } from './exportRange';
import {
  DeleteScheduledExportResultSchema,
  type RunScheduledExportResult,
  RunScheduledExportResultSchema,
  type ScheduledExport,
  type ScheduledExportList,
  ScheduledExportListSchema,
  ScheduledExportSchema,
} from './scheduledExportSchema';
import { normalizeId, normalizeTaskId, scheduledExportPath, taskPath } from './taskId';
import { type TaskListFilter, taskListQuery } from './taskListQuery';
import { DownloadLinkSchema, type Task, type TaskList, TaskListSchema, TaskSchema } from './taskSchema';
import { formatSize } from '../format/size';
import { errorFromTransport } from './transportError';
import { formatRfc3339 } from './utcTime';

export interface ClientConfig {
  /** Base URL including `/v1`, e.g. `https://us.api.flexprice.io/v1`. */
  apiUrl: string;
  apiKey: string;
  /** Sent as `X-Environment-ID` when set; self-hosted servers need it for config-file keys. */
  environmentId?: string;
  timeoutMs: number;
  userAgent: string;
  /** Larger API responses are refused as invalid_response; default MAX_RESPONSE_BYTES. */
  maxResponseBytes?: number;
  /** Gets one line per request: method, path, status, time and size; never a header. */
  log?: Logger;
}

/** Far above any real task list, low enough that a runaway response cannot exhaust memory. */
export const MAX_RESPONSE_BYTES = 50 * 1024 * 1024;
const MAX_REDIRECTS = 5;
// eslint-disable-next-line no-control-regex
const HEADER_UNSAFE = /[\u0000-\u001f\u007f]/;

/**
 * Talks to one Flexprice API with one set of settings. Every failure is a FlexpriceApiError, and
 * none of them can carry the API key. Its log lines name paths and outcomes, never headers.
 */
export class FlexpriceClient {
  /** An ES private field, so that inspecting the client does not print the headers with the key. */
  readonly #http: AxiosInstance;
  private readonly base: URL;
  private readonly timeoutMs: number;
  private readonly maxResponseBytes: number;
  private readonly userAgent: string;
  private readonly log: Logger;
  /** Masks the key in any text a server sent back; a closure, so the key is not a field to print. */
  private readonly scrub: (error: FlexpriceApiError) => FlexpriceApiError;

  constructor(config: ClientConfig) {
    this.base = parseApiUrl(config.apiUrl);
    const apiKey = config.apiKey.trim();
    if (!apiKey) throw new FlexpriceApiError('unauthorized', 'No Flexprice API key is set.');
    const environmentId = config.environmentId?.trim();
    // Node refuses such header values at send time; saying which setting is wrong is kinder.
    if (HEADER_UNSAFE.test(apiKey)) throw new FlexpriceApiError('unauthorized', 'The Flexprice API key contains a control character.');
    if (environmentId && HEADER_UNSAFE.test(environmentId)) {
      throw new FlexpriceApiError('bad_request', 'The Flexprice environment ID contains a control character.');
    }
    this.timeoutMs = config.timeoutMs > 0 && Number.isFinite(config.timeoutMs) ? config.timeoutMs : 30_000;
    this.userAgent = config.userAgent;
    this.maxResponseBytes = config.maxResponseBytes ?? MAX_RESPONSE_BYTES;
    const log = (this.log = config.log ?? SILENT_LOGGER);
    const keepCredentials = keepCredentialsOnOrigin(this.base.origin);
    this.scrub = (error) => error.withoutSecret(apiKey);
    this.#http = axios.create({
      headers: {
        'x-api-key': apiKey,
        ...(environmentId ? { 'X-Environment-ID': environmentId } : {}),
        'User-Agent': config.userAgent,
        Accept: 'application/json',
      },
      timeout: this.timeoutMs,
      // The body is parsed here, so that HTML or broken JSON is reported as such.
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
      maxContentLength: this.maxResponseBytes,
      maxRedirects: MAX_REDIRECTS,
      beforeRedirect: (options) => {
        const dropped = keepCredentials(options);
        log.info(`  redirected to ${redirectTarget(options.href)}${dropped ? '; the key was not sent there' : ''}`);
      },
    });
  }

  /** `GET /tasks/{id}`. A malformed ID is refused before any request is made. */
  async getTask(id: string, signal?: AbortSignal): Promise<Task> {
    return this.get(taskPath(this.checkedId(id)), TaskSchema, signal);
  }

  /** `GET /tasks` with the given filter. */
  async listTasks(filter: TaskListFilter = {}, signal?: AbortSignal): Promise<TaskList> {
    const query = taskListQuery(filter).toString();
    return this.get(query ? `tasks?${query}` : 'tasks', TaskListSchema, signal);
  }

  /** `GET /tasks/{id}/download`: a short-lived http(s) link to a finished export's file. */
  async getDownloadUrl(id: string, signal?: AbortSignal): Promise<string> {
    const link = await this.get(taskPath(this.checkedId(id), 'download'), DownloadLinkSchema, signal);
    return link.download_url;
  }

  /**
   * `GET /environments`: the tenant's environments the caller may see. Keys without the
   * environment read permission get 403 (permission_denied); servers without the route, 404.
   */
  async listEnvironments(signal?: AbortSignal): Promise<EnvironmentList> {
    return this.get('environments', EnvironmentListSchema, signal);
  }

  /** `GET /users/me`: the caller (for an API key, its service account) and, on current servers, its tenant. */
  async getCurrentUser(signal?: AbortSignal): Promise<CurrentUser> {
    return this.get('users/me', CurrentUserSchema, signal);
  }

  /** `GET /tasks/scheduled`: every scheduled export, deleted ones included (the server sends them). */
  async listScheduledExports(filter: ScheduledExportFilter = {}, signal?: AbortSignal): Promise<ScheduledExportList> {
    const query = new URLSearchParams();
    if (filter.entityType) query.set('entity_type', filter.entityType);
    if (filter.enabled !== undefined) query.set('enabled', String(filter.enabled));
    const text = query.toString();
    return this.get(text ? `tasks/scheduled?${text}` : 'tasks/scheduled', ScheduledExportListSchema, signal);
  }

  /** `GET /tasks/scheduled/{id}`. */
  async getScheduledExport(id: string, signal?: AbortSignal): Promise<ScheduledExport> {
    return this.get(scheduledExportPath(this.checkedScheduleId(id)), ScheduledExportSchema, signal);
  }

  /** `PUT /tasks/scheduled/{id}` with `{"enabled":…}`, the only field the server lets change. */
  async setScheduledExportEnabled(id: string, enabled: boolean, signal?: AbortSignal): Promise<ScheduledExport> {
    return this.send('PUT', scheduledExportPath(this.checkedScheduleId(id)), ScheduledExportSchema, { enabled }, signal);
  }

  /** `DELETE /tasks/scheduled/{id}`: archived on the server; 200 with a body, or 204. */
  async deleteScheduledExport(id: string, signal?: AbortSignal): Promise<void> {
    await this.send('DELETE', scheduledExportPath(this.checkedScheduleId(id)), DeleteScheduledExportResultSchema, undefined, signal, {
      emptyIsOk: true,
    });
  }

  /**
   * `POST /tasks/scheduled/{id}/run`: without a range the server exports the current interval so
   * far. It answers at once; the task `workflow_id` names appears a few seconds later, or never.
   */
  async runScheduledExport(id: string, range?: ExportRange, signal?: AbortSignal): Promise<RunScheduledExportResult> {
    const body = range ? { start_time: formatRfc3339(range.start), end_time: formatRfc3339(range.end) } : {};
    return this.send('POST', scheduledExportPath(this.checkedScheduleId(id), 'run'), RunScheduledExportResultSchema, body, signal);
  }

  /** A schedule's runs, newest first: `GET /tasks?scheduled_task_id=…&task_type=EXPORT`. */
  async listScheduleRuns(scheduleId: string, page: { limit: number; offset: number }, signal?: AbortSignal): Promise<TaskList> {
    const checked = this.checkedScheduleId(scheduleId);
    return this.listTasks({ scheduledTaskId: checked, taskType: 'EXPORT', limit: page.limit, offset: page.offset }, signal);
  }

  /** Fetches a download link, without the API key, refusing files over `maxBytes`. */
  async downloadFile(url: string, options: DownloadOptions): Promise<Buffer> {
    try {
      return await downloadFile(url, options, { timeoutMs: this.timeoutMs, userAgent: this.userAgent, log: this.log });
    } catch (error) {
      throw isFlexpriceApiError(error) ? this.scrub(error) : error;
    }
  }

  private checkedId(id: string): string {
    const checked = normalizeTaskId(id);
    if (!checked.ok) throw new FlexpriceApiError('invalid_id', checked.reason);
    return checked.id;
  }

  private checkedScheduleId(id: string): string {
    const checked = normalizeId(id, 'scheduled export ID');
    if (!checked.ok) throw new FlexpriceApiError('invalid_id', checked.reason);
    return checked.id;
  }

  private async get<T extends z.ZodMiniType>(path: string, schema: T, signal?: AbortSignal): Promise<z.output<T>> {
    return this.send('GET', path, schema, undefined, signal);
  }

  /** One request; `emptyIsOk` lets a 2xx without a body (a 204) count as success. */
  private async send<T extends z.ZodMiniType>(
    method: 'GET' | 'PUT' | 'POST' | 'DELETE',
    path: string,
    schema: T,
    data: unknown,
    signal?: AbortSignal,
    options: { emptyIsOk?: boolean } = {},
  ): Promise<z.output<T>> {
    const url = new URL(path, this.base);
    const requestPath = url.pathname + url.search;
    const started = Date.now();
    let answered = '';
    try {
      const response = await this.#http.request<string>({ method, url: url.href, signal, data });
      const body = typeof response.data === 'string' ? response.data : '';
      const size = Number(response.headers['content-length']) || body.length;
      answered = ` → ${response.status} (${Date.now() - started} ms, ${formatSize(size)})`;
      if (response.status < 200 || response.status >= 300) {
        throw errorFromStatus({ status: response.status, body, retryAfter: response.headers['retry-after'], requestPath });
      }
      const parsed = options.emptyIsOk && !body.trim() ? (undefined as z.output<T>) : parseResponseBody(body, schema, requestPath);
      this.log.info(`${method} ${requestPath}${answered}`);
      return parsed;
    } catch (error) {
      const failure = this.scrub(errorFromTransport(error, { requestPath, timeoutMs: this.timeoutMs, maxBytes: this.maxResponseBytes }));
      if (failure.kind === 'cancelled') this.log.debug(`${method} ${requestPath} cancelled`);
      else this.log.warn(`${method} ${requestPath}${answered || ` failed after ${Date.now() - started} ms`}: ${failure.kind}: ${failure.message}`);
      throw failure;
    }
  }
}

export interface ScheduledExportFilter {
  entityType?: string;
  enabled?: boolean;
}

function redirectTarget(href: unknown): string {
  try {
    return urlWithoutQuery(new URL(String(href)));
  } catch {
    return 'an unreadable address';
  }
}

/** The API base as a URL ending in `/`, so that relative paths land under `/v1/`. */
function parseApiUrl(apiUrl: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(apiUrl.trim());
  } catch {
    url = undefined;
  }
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') {
    throw new FlexpriceApiError(
      'bad_request',
      'The Flexprice API URL must be an http:// or https:// URL, for example https://us.api.flexprice.io/v1.',
    );
  }
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}
