// Turns the menu data (menu-template.ts) into Electron's menu; the actions go to one
// callback owned by index.ts.
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuAction, MenuSpec } from './menu-template';

export function toElectronMenuItems(template: readonly MenuSpec[], onAction: (action: MenuAction) => void): MenuItemConstructorOptions[] {
  return template.map((spec): MenuItemConstructorOptions => {
    switch (spec.type) {
      case 'separator':
        return { type: 'separator' };
      case 'role':
        return { role: spec.role };
      case 'submenu':
        return { label: spec.label, submenu: toElectronMenuItems(spec.submenu, onAction) };
      case 'item':
        return {
          label: spec.label,
          enabled: spec.enabled,
          ...(spec.accelerator === undefined ? {} : { accelerator: spec.accelerator }),
          click: () => onAction(spec.action),
        };
    }
  });
}

export function installApplicationMenu(template: readonly MenuSpec[], onAction: (action: MenuAction) => void): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(toElectronMenuItems(template, onAction)));
}
