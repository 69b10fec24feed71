// What Apps Script will load: the files of dist/, checked as Apps Script sees them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ENTRIES, type CustomFunctionEntry } from '../../src/entry/registry';
import { DIST, loadBundle, pushOrder, ROOT } from '../harness/harness';

const stubs = readFileSync(join(DIST, 'ita.js'), 'utf8');
const customs = ENTRIES.filter((e): e is CustomFunctionEntry => e.kind === 'custom');

/** Sample arguments a sheet could pass each custom function. */
const SAMPLE_ARGS: Record<string, unknown[]> = {
  ITA_SCORE: [[[90, 83, 86, 82, 86, 85, 81, 77, 89, 100]], 2565],
  ITA_TOOL_SCORE: [[[90, 83, 86, 82, 86, 85, 81, 77, 89, 100]], 'OIT'],
  ITA_GRADE: [[[87], [120]]],
  ITA_PASS: [86],
  ITA_LABEL: [[[90, 83, 86, 82, 86, 85, 81, 77, 89, 100]]],
  ITA_WEIGHTED: [[[80, 90]], [[1, 1]]],
  ITA_THAI_DIGITS: [86.19, 2],
  ITA_INDICATOR_NAME: [[[1], [10]]],
  ITA_OIT: [[['9.1'], ['10.1']], [[true], [false]]],
  ITA_NEEDED: [[[90, 83, 86, 82, 86, 85, 81, 77, '', '']]],
  ITA_PROJECT: [[[90, 83, 86, 82, 86, 85, 81, 77, '', '']], [['9.1'], ['10.1']], [[1], [1]]],
  ITA_RULES: [[[2565], [2570]]],
  ITA_VALUE: [[['๘๖.๑๙'], [90], ['']]],
  ITA_YEAR: [[[2026], ['๒๕๖๙'], ['']]],
};

describe('the built bundle', () => {
  it('is one script file, named in the push order of .clasp.json', () => {
    expect(pushOrder().map((f) => f.slice(ROOT.length + 1))).toEqual(['dist/ita.js']);
  });

  it('loads into a sandbox without Node globals', () => {
    const h = loadBundle();
    for (const name of ['require', 'process', 'module', 'exports', 'Buffer', '__dirname', 'setTimeout']) {
      expect(h.run(`typeof ${name}`), name).toBe('undefined');
    }
  });

  it('touches no service while loading', () => {
    expect(loadBundle().log).toEqual([]);
  });

  it('adds only its own global and the entry points to the global scope', () => {
    const h = loadBundle();
    const fresh = vm.createContext({});
    const builtins = new Set(vm.runInContext('Object.getOwnPropertyNames(globalThis)', fresh) as string[]);
    const added = (h.run('Object.getOwnPropertyNames(globalThis)') as string[]).filter((n) => !builtins.has(n));
    const expected = ['ItaSheets', ...ENTRIES.map((e) => e.name), ...h.serviceGlobals.filter((n) => !builtins.has(n))];
    expect(added.sort()).toEqual(expected.sort());
  });

  it('declares every registry entry as a top-level function, none ending in _', () => {
    const h = loadBundle();
    for (const e of ENTRIES) {
      expect(e.name.endsWith('_'), e.name).toBe(false);
      expect(stubs).toMatch(new RegExp(`^function ${e.name}\\(`, 'm'));
      expect(h.run(`typeof ${e.name}`), e.name).toBe('function');
    }
  });

  it('puts a @customfunction JSDoc block right above each custom function, with its real parameter names', () => {
    for (const e of customs) {
      const params = e.params.map((p) => p.name);
      const m = stubs.match(new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\nfunction ${e.name}\\(([^)]*)\\)`));
      expect(m, e.name).not.toBeNull();
      const [, doc, sig] = m!;
      expect(sig, e.name).toBe(params.join(', '));
      expect(doc).toContain('@customfunction');
      expect(doc).toContain(e.example.formula);
      const documented = [...doc!.matchAll(/@param \{[^}]+\} (\w+)/g)].map((x) => x[1]);
      expect(documented, e.name).toEqual(params);
    }
  });

  it('marks no trigger or menu function as a custom function', () => {
    for (const e of ENTRIES.filter((x) => x.kind !== 'custom')) {
      expect(stubs).not.toMatch(new RegExp(`@customfunction\\s*\\*/\\nfunction ${e.name}\\(`));
    }
  });

  it('runs every custom function without calling any service', () => {
    const h = loadBundle();
    for (const e of customs) {
      expect(SAMPLE_ARGS[e.name], `sample for ${e.name}`).toBeDefined();
      h.call(e.name, ...SAMPLE_ARGS[e.name]!);
    }
    expect(h.log).toEqual([]);
  });
});

describe('the add-on menu', () => {
  it('is built in AuthMode.NONE from the Ui alone, each item naming a top-level function', () => {
    const h = loadBundle();
    h.call('onOpen', { authMode: 'NONE' });
    expect(new Set(h.log.map((c) => `${c.service}.${c.method}`))).toEqual(
      new Set(['SpreadsheetApp.getUi', 'Ui.createAddonMenu', 'Menu.addItem', 'Menu.addToUi']),
    );
    const [menu] = h.ui.menus;
    expect(menu?.added).toBe(true);
    const items = menu!.items.filter((i): i is { caption: string; functionName: string } => typeof i === 'object' && 'caption' in i);
    expect(items.map((i) => i.caption)).toEqual(['ตั้งค่าสมุดงาน ITA', 'ตั้งค่าหลายหน่วยงาน', 'บันทึกมาตรการ', 'รายการตรวจ OIT', 'ตรวจลิงก์หลักฐาน OIT', 'สร้างรายงาน', 'แม่แบบรายงาน', 'สร้างรายงานหลายหน่วยงาน', 'ยกเลิกการสร้างรายงานหลายหน่วยงาน', 'วิธีใช้สูตร ITA']);
    for (const i of items) expect(h.run(`typeof ${i.functionName}`)).toBe('function');
  });

  it('is built on install too', () => {
    const h = loadBundle();
    h.call('onInstall', { authMode: 'FULL' });
    expect(h.ui.menus).toHaveLength(1);
  });

  it('opens the function reference, listing every custom function, with nothing from outside', () => {
    const h = loadBundle();
    h.call('showFunctionHelp');
    const [dialog] = h.ui.dialogs;
    expect(dialog?.kind).toBe('modeless');
    expect(dialog?.title).toBe('สูตร ITA Sheets');
    const html = dialog!.output.getContent();
    for (const e of customs) expect(html).toContain(`${e.name}(`);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?https?:/i);
    expect(html).toContain('lang="th"');
  });
});

describe('the measures sidebar', () => {
  it('opens from the menu as one self-contained Thai page', () => {
    const h = loadBundle();
    h.call('openMeasuresSidebar');
    const [panel] = h.ui.dialogs;
    expect(panel?.kind).toBe('sidebar');
    expect(panel?.title).toBe('บันทึกมาตรการ ITA');
    const html = panel!.output.getContent();
    expect(html).toContain('<html lang="th">');
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(\s*["']?https?:/i);
  });

  it('is answered through one server entry, which refuses unknown methods', () => {
    const h = loadBundle();
    expect(() => h.call('sidebarCall', 'dropAll', {})).toThrow('unknown sidebar method');
  });
});

describe('the reports dialog', () => {
  it('opens from the menu on the report tab or the template tab', () => {
    const h = loadBundle();
    h.call('openReports');
    h.call('openTemplates');
    const [report, template] = h.ui.dialogs;
    expect([report?.kind, report?.title, template?.title]).toEqual(['modal', 'สร้างรายงาน ITA', 'แม่แบบรายงาน ITA']);
    expect(report!.output.getContent()).toContain('window.ITA_MODE="report"');
    expect(template!.output.getContent()).toContain('window.ITA_MODE="template"');
    expect(report!.output.getContent()).not.toMatch(/<(script|link|img)[^>]+(src|href)\s*=\s*["']?(https?:)?\/\//i);
  });
});

describe('the batch reports dialog', () => {
  it('opens from the menu as one self-contained Thai page of the dialog’s size', () => {
    const h = loadBundle();
    h.call('openBatchReports');
    const [dialog] = h.ui.dialogs;
    expect([dialog?.kind, dialog?.title, dialog?.output.getWidth(), dialog?.output.getHeight()]).toEqual(['modeless', 'สร้างรายงานหลายหน่วยงาน', 460, 560]);
    const html = dialog!.output.getContent();
    expect(html).toContain('<html lang="th">');
    expect(html).toContain('sidebarCall');
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(\s*["']?https?:/i);
  });
});

describe('the manifest', () => {
  const manifest = JSON.parse(readFileSync(join(DIST, 'appsscript.json'), 'utf8')) as {
    runtimeVersion: string;
    timeZone: string;
    oauthScopes: string[];
  };
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

  it('runs on V8 in Asia/Bangkok', () => {
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Asia/Bangkok');
  });

  it('asks for no full drive scope and explains every scope in the README', () => {
    for (const scope of manifest.oauthScopes) {
      expect(scope).not.toMatch(/auth\/drive$/);
      expect(readme).toContain(scope);
    }
  });
});
