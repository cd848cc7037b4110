import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_POLL_SETTINGS } from '../../src/polling/pollSettings';
import { PROJECT_ROOT } from '../host/projectRoot';

/*
 * package.json as VS Code and the Marketplace read it: which commands the palette offers and
 * when, the settings' sections, the gallery fields, and scripts that build what ships.
 */

interface MenuEntry {
  command: string;
  when?: string;
  group?: string;
}

interface Setting {
  type: string;
  default: unknown;
  order?: number;
  description?: string;
  markdownDescription?: string;
  [field: string]: unknown;
}

interface Manifest {
  categories: string[];
  keywords?: string[];
  extensionKind?: string[];
  homepage?: string;
  bugs?: { url?: string };
  galleryBanner?: { color?: string; theme?: string };
  repository: { url: string };
  scripts: Record<string, string>;
  contributes: {
    commands: { command: string; title: string; icon?: string }[];
    configuration: { title: string; order?: number; properties: Record<string, Setting> }[] | { properties: Record<string, Setting> };
    menus: Record<string, MenuEntry[]>;
  };
}

const manifest = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as Manifest;
const { commands, menus } = manifest.contributes;
const contributed = commands.map(({ command }) => command);

/** A when-clause as the set of its `&&` terms, so the order they are written in does not matter. */
const terms = (when: string | undefined) => new Set((when ?? '').split('&&').map((term) => term.trim()).filter(Boolean));

/** Shown in the palette whatever the state: they work without a key, or ask for one first. */
const ALWAYS_IN_PALETTE = [
  'flexprice.setApiKey',
  'flexprice.showLog',
  'flexprice.openSettings',
  // Both ask for a key when there is none. They must not wait for `flexprice.hasApiKey`:
  // it is set only once the extension activates, and the palette is how a person starts one.
  'flexprice.getTask',
  'flexprice.openTaskFile',
  // Adding or choosing a connection is how a person starts.
  'flexprice.addConnection',
  'flexprice.switchConnection',
];

/** The palette's when-clause for each command that is there only sometimes. */
const GATED_IN_PALETTE: Record<string, string> = {
  'flexprice.clearApiKey': 'flexprice.hasApiKey',
  'flexprice.editConnection': 'flexprice.hasConnection',
  'flexprice.renameConnection': 'flexprice.hasConnection',
  'flexprice.removeConnection': 'flexprice.hasConnection',
  'flexprice.refreshTasks': 'flexprice.hasApiKey',
  'flexprice.filterTasks': 'flexprice.hasApiKey',
  'flexprice.clearTaskFilters': 'flexprice.hasApiKey && flexprice.tasksFiltered',
  'flexprice.enableAutoRefresh': 'flexprice.hasApiKey && !config.flexprice.autoRefresh',
  'flexprice.disableAutoRefresh': 'flexprice.hasApiKey && config.flexprice.autoRefresh',
  'flexprice.groupTasksByType': 'flexprice.hasApiKey && !flexprice.groupByType',
  'flexprice.groupTasksByStatus': 'flexprice.hasApiKey && flexprice.groupByType',
  // Each asks which schedule (or export) when not run from a row.
  'flexprice.runScheduledExport': 'flexprice.hasApiKey',
  'flexprice.pauseScheduledExport': 'flexprice.hasApiKey',
  'flexprice.resumeScheduledExport': 'flexprice.hasApiKey',
  'flexprice.deleteScheduledExport': 'flexprice.hasApiKey',
  'flexprice.copyScheduledExportId': 'flexprice.hasApiKey',
  'flexprice.openScheduledExportAsJson': 'flexprice.hasApiKey',
  'flexprice.refreshScheduledExports': 'flexprice.hasApiKey',
  'flexprice.openExportInEditor': 'flexprice.hasApiKey',
  'flexprice.downloadExport': 'flexprice.hasApiKey',
};

/**
 * Hidden from the palette and on no menu: a row runs it when clicked ("Load more"), or the
 * panel's "From schedule" link does.
 */
const RUN_BY_CLICKING_A_ROW = ['flexprice.loadMoreTasks', 'flexprice.loadMoreScheduleRuns', 'flexprice.revealScheduledExport'];
const VIEWS = ['view == flexprice.tasks', 'view == flexprice.scheduledExports', 'view =~ /^flexprice\\.(tasks|scheduledExports)$/'];

/** Each setting as the code relies on it: type, default, bounds, scope. */
const SETTINGS: Record<string, Omit<Setting, 'order' | 'description' | 'markdownDescription'>> = {
  // A workspace may name one of the user's connections, nothing more: a plain name, not a URL.
  'flexprice.connection': { type: 'string', default: '', scope: 'window' },
  'flexprice.apiUrl': { type: 'string', default: 'https://us.api.flexprice.io/v1', format: 'uri', scope: 'application', pattern: '^https?://.+' },
  'flexprice.environmentId': { type: 'string', default: '', scope: 'application' },
  'flexprice.requestTimeoutSeconds': { type: 'number', default: 30, minimum: 1, maximum: 300 },
  'flexprice.autoRefresh': { type: 'boolean', default: DEFAULT_POLL_SETTINGS.autoRefresh },
  'flexprice.refresh.minIntervalSeconds': { type: 'number', default: DEFAULT_POLL_SETTINGS.minIntervalMs / 1000, minimum: 0.5, maximum: 600 },
  'flexprice.refresh.maxIntervalSeconds': { type: 'number', default: DEFAULT_POLL_SETTINGS.maxIntervalMs / 1000, minimum: 0.5, maximum: 3600 },
  'flexprice.refresh.unfocusedMultiplier': { type: 'number', default: DEFAULT_POLL_SETTINGS.unfocusedMultiplier, minimum: 1, maximum: 100 },
  'flexprice.notifications': { type: 'string', default: 'all', enum: ['all', 'failures', 'none'] },
  'flexprice.pageSize': { type: 'integer', default: DEFAULT_POLL_SETTINGS.pageSize, minimum: 1, maximum: 1000 },
};

const MARKETPLACE_CATEGORIES = [
  'AI', 'Azure', 'Chat', 'Data Science', 'Debuggers', 'Education', 'Extension Packs', 'Formatters', 'Keymaps', 'Language Packs',
  'Linters', 'Machine Learning', 'Notebooks', 'Other', 'Programming Languages', 'SCM Providers', 'Snippets', 'Testing', 'Themes', 'Visualization',
];

describe('package.json', () => {
  describe('command palette', () => {
    const palette = menus.commandPalette ?? [];

    it('has at most one entry per command, each for a contributed command', () => {
      const listed = palette.map(({ command }) => command);
      assert.equal(new Set(listed).size, listed.length, 'no command listed twice');
      for (const command of listed) assert.ok(contributed.includes(command), `${command} is contributed`);
    });

    it('offers Set API Key, Show Log, Open Settings, Get Task and Open Task File whatever the state', () => {
      for (const command of ALWAYS_IN_PALETTE) {
        assert.ok(contributed.includes(command), `${command} is contributed`);
        assert.equal(palette.find((entry) => entry.command === command), undefined, `${command} has no palette when-clause`);
      }
    });

    it('offers the commands that act on the Tasks view only with a key, and each toggle only in the state it changes', () => {
      for (const [command, when] of Object.entries(GATED_IN_PALETTE)) {
        const entry = palette.find((candidate) => candidate.command === command);
        assert.deepEqual(terms(entry?.when), terms(when), `${command}: when "${when}"`);
      }
    });

    it('hides row actions, which need a row, and decides for every command', () => {
      for (const command of contributed) {
        if (ALWAYS_IN_PALETTE.includes(command) || command in GATED_IN_PALETTE) continue;
        const entry = palette.find((candidate) => candidate.command === command);
        assert.equal(entry?.when, 'false', `${command} is hidden from the palette (or listed above)`);
        const onRowMenu = (menus['view/item/context'] ?? []).some((row) => row.command === command);
        assert.ok(onRowMenu || RUN_BY_CLICKING_A_ROW.includes(command), `${command}, hidden from the palette, is on a row's menu`);
      }
    });

    it('gates the title-bar toggles the same way as the palette', () => {
      const toggles = ['flexprice.enableAutoRefresh', 'flexprice.disableAutoRefresh', 'flexprice.groupTasksByType', 'flexprice.groupTasksByStatus'];
      for (const command of toggles) {
        const titleTerms = terms(menus['view/title']?.find((entry) => entry.command === command)?.when);
        assert.ok(titleTerms.delete('view == flexprice.tasks'), `${command} is in the Tasks view's title bar`);
        assert.deepEqual(titleTerms, terms(GATED_IN_PALETTE[command]), `${command}: title bar and palette agree`);
      }
    });
  });

  describe('menus', () => {
    it('name only contributed commands, and one of the views in every view menu', () => {
      for (const [menu, entries] of Object.entries(menus)) {
        for (const { command, when } of entries) {
          assert.ok(contributed.includes(command), `${command} in ${menu} is contributed`);
          if (menu.startsWith('view/')) assert.ok(VIEWS.some((view) => terms(when).has(view)), `${command} in ${menu}: ${when}`);
        }
      }
    });

    it('offer Save Errors… on the Tasks view’s readable task rows only, and hide it from the palette: it needs a task', () => {
      const rows = (menus['view/item/context'] ?? []).filter(({ command }) => command === 'flexprice.saveErrors');
      assert.deepEqual(rows.map(({ when }) => terms(when)), [terms('view == flexprice.tasks && viewItem =~ /^task;(watched|unwatched);(file|nofile)$/')]);
      assert.equal(menus.commandPalette?.find(({ command }) => command === 'flexprice.saveErrors')?.when, 'false');
      assert.equal(commands.find(({ command }) => command === 'flexprice.saveErrors')?.title, 'Save Errors…');
    });

    it('give every command in the view title bar an icon', () => {
      const inline = [...(menus['view/title'] ?? []).filter(({ group }) => group?.startsWith('navigation')),
        ...(menus['view/item/context'] ?? []).filter(({ group }) => group?.startsWith('inline'))];
      for (const { command } of inline) {
        assert.match(commands.find((entry) => entry.command === command)?.icon ?? '', /^\$\([a-z-]+\)$/, `${command} has a codicon`);
      }
    });
  });

  it('shows auto-refresh with sync codicons', () => {
    const icon = (id: string) => commands.find(({ command }) => command === id)?.icon;
    assert.equal(icon('flexprice.enableAutoRefresh'), '$(sync)');
    assert.equal(icon('flexprice.disableAutoRefresh'), '$(sync-ignored)');
  });

  describe('settings', () => {
    const sections = Array.isArray(manifest.contributes.configuration) ? manifest.contributes.configuration : [];
    const all = Object.assign({}, ...sections.map(({ properties }) => properties)) as Record<string, Setting>;

    it('come in titled, ordered sections: Connection first, then Refresh & notifications', () => {
      assert.ok(Array.isArray(manifest.contributes.configuration), 'contributes.configuration is an array of sections');
      assert.deepEqual(sections.map(({ title }) => title), ['Connection', 'Refresh & notifications']);
      assert.deepEqual(sections.map(({ order }) => order), [1, 2]);
      assert.deepEqual(Object.keys(sections[0]!.properties).sort(),
        ['flexprice.apiUrl', 'flexprice.connection', 'flexprice.environmentId', 'flexprice.requestTimeoutSeconds']);
    });

    it('keep their ids, types, defaults, bounds and scopes, with the defaults the code uses', () => {
      assert.deepEqual(Object.keys(all).sort(), Object.keys(SETTINGS).sort());
      for (const [id, expected] of Object.entries(SETTINGS)) {
        for (const [field, value] of Object.entries(expected)) assert.deepEqual(all[id]![field], value, `${id}.${field}`);
        const words = ['order', 'description', 'markdownDescription', 'enumDescriptions', 'patternErrorMessage', 'markdownDeprecationMessage'];
        const kept = Object.keys(all[id]!).filter((field) => !words.includes(field));
        assert.deepEqual(kept.sort(), Object.keys(expected).sort(), `${id} has no other constraint`);
      }
    });

    it('mark the settings that connections replaced as deprecated, and keep an untrusted workspace from picking a connection', () => {
      for (const id of ['flexprice.apiUrl', 'flexprice.environmentId']) assert.match(String(all[id]!['markdownDeprecationMessage']), /connection/i, id);
      const restricted = (manifest as unknown as { capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } } }).capabilities
        .untrustedWorkspaces.restrictedConfigurations;
      assert.deepEqual([...restricted].sort(), ['flexprice.apiUrl', 'flexprice.connection', 'flexprice.environmentId']);
    });

    it('each have a description and a distinct order within their section', () => {
      for (const { title, properties } of sections) {
        const orders = Object.values(properties).map(({ order }) => order);
        assert.ok(orders.every((order) => Number.isInteger(order)), `${title}: every setting has an order`);
        assert.equal(new Set(orders).size, orders.length, `${title}: orders are distinct`);
      }
      for (const [id, setting] of Object.entries(all)) assert.ok(setting.markdownDescription || setting.description, `${id} is described`);
    });
  });

  it('activates once startup has finished, so the connection in use is in the status bar from the start', () => {
    const events = (manifest as unknown as { activationEvents: string[] }).activationEvents;
    assert.ok(events.includes('onStartupFinished'), events.join(', '));
    assert.ok(!events.includes('*'), 'never before startup has finished');
  });

  describe('Marketplace fields', () => {
    it('runs in the UI extension host where it can, in the workspace one otherwise', () => {
      assert.deepEqual(manifest.extensionKind, ['ui', 'workspace']);
    });

    it('uses Marketplace categories that fit: not Visualization', () => {
      assert.ok(manifest.categories.length > 0);
      for (const category of manifest.categories) assert.ok(MARKETPLACE_CATEGORIES.includes(category), `${category} is a Marketplace category`);
      assert.ok(!manifest.categories.includes('Visualization'));
    });

    it('has a homepage, an issue tracker, a gallery banner and keywords', () => {
      const repository = manifest.repository.url.replace(/\.git$/, '');
      assert.ok(manifest.homepage?.startsWith(repository), `homepage under ${repository}`);
      assert.equal(manifest.bugs?.url, `${repository}/issues`);
      assert.match(manifest.galleryBanner?.color ?? '', /^#[0-9a-f]{6}$/i);
      assert.ok(['dark', 'light'].includes(manifest.galleryBanner?.theme ?? ''), 'banner theme is dark or light');
      assert.ok((manifest.keywords ?? []).length >= 3 && (manifest.keywords ?? []).length <= 30);
    });
  });

  describe('scripts', () => {
    const { scripts } = manifest;

    it('package builds once: vsce runs vscode:prepublish, the production build', () => {
      assert.equal(scripts['vscode:prepublish'], 'node esbuild.js --production');
      assert.ok(scripts.package?.startsWith('vsce package'), scripts.package);
      assert.ok(!scripts.package.includes('esbuild'), 'package does not build before vsce builds again');
    });

    it('test runs against the production bundle, the one that ships', () => {
      assert.equal(scripts['build:prod'], 'node esbuild.js --production');
      for (const name of ['test', 'test:integration', 'test:ui', 'test:electron']) {
        assert.ok(scripts[name]?.startsWith('npm run build:prod && '), `${name}: ${scripts[name]}`);
      }
    });
  });
});
