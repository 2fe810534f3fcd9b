import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, EXPORT_KINDS, menuActions, type MenuSpec } from './menu-template';

const base = { platform: 'linux' as NodeJS.Platform, recentProjects: ['/home/me/shop', '/home/me/blog'], hasProject: true, isDevelopment: false };

function find(template: readonly MenuSpec[], label: string): MenuSpec | undefined {
  for (const spec of template) {
    if ((spec.type === 'item' || spec.type === 'submenu') && spec.label === label) return spec;
    if (spec.type === 'submenu') {
      const inner = find(spec.submenu, label);
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}

describe('buildMenuTemplate', () => {
  it('offers Open Folder, the recent projects, Reload, every export and Quit', () => {
    const actions = menuActions(buildMenuTemplate(base));
    expect(actions).toContainEqual({ kind: 'open-folder' });
    expect(actions).toContainEqual({ kind: 'open-recent', dir: '/home/me/shop' });
    expect(actions).toContainEqual({ kind: 'open-recent', dir: '/home/me/blog' });
    expect(actions).toContainEqual({ kind: 'reload' });
    expect(actions).toContainEqual({ kind: 'quit' });
    for (const format of EXPORT_KINDS) expect(actions).toContainEqual({ kind: 'export', format });
  });
  it('disables exports until a project is open', () => {
    const exportMenu = find(buildMenuTemplate({ ...base, hasProject: false }), 'Export');
    expect(exportMenu?.type).toBe('submenu');
    if (exportMenu?.type !== 'submenu') return;
    expect(exportMenu.submenu.every((s) => s.type === 'item' && !s.enabled)).toBe(true);
  });
  it('shows a disabled placeholder when there are no recent projects', () => {
    const recent = find(buildMenuTemplate({ ...base, recentProjects: [] }), 'Recent Projects');
    expect(recent).toEqual({ type: 'submenu', label: 'Recent Projects', submenu: [{ type: 'item', label: 'No Recent Projects', action: { kind: 'clear-recent' }, enabled: false }] });
  });
  it('offers developer tools only in development', () => {
    expect(menuActions(buildMenuTemplate(base))).not.toContainEqual({ kind: 'toggle-devtools' });
    expect(menuActions(buildMenuTemplate({ ...base, isDevelopment: true }))).toContainEqual({ kind: 'toggle-devtools' });
  });
  it('puts the app menu first on macOS', () => {
    const mac = buildMenuTemplate({ ...base, platform: 'darwin' });
    expect(mac[0]).toMatchObject({ type: 'submenu', label: 'Taskdeck' });
    expect(buildMenuTemplate(base)[0]).toMatchObject({ type: 'submenu', label: 'File' });
  });
});
