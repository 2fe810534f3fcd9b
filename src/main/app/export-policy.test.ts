import { describe, expect, it } from 'vitest';
import { posix } from 'node:path';
import { decideDownload, downloadOutcome, EXPORT_FILE_NAMES, exportFinishedMessage, saveDialogFor } from './export-policy';
import { EXPORT_FORMATS } from '../../shared/api';

describe('decideDownload', () => {
  it('allows files our page made, and nothing else', () => {
    expect(decideDownload('blob:app://taskdeck/6f1c-42', true, null)).toEqual({ allow: true });
    expect(decideDownload('data:text/csv;base64,YQ==', true, null)).toEqual({ allow: true });
    expect(decideDownload('blob:http://localhost:5173/x', true, 'http://localhost:5173')).toEqual({ allow: true });
    expect(decideDownload('blob:http://localhost:5173/x', true, null)).toMatchObject({ allow: false });
    expect(decideDownload('blob:https://evil.example/x', true, null)).toMatchObject({ allow: false, reason: expect.stringContaining('evil.example') });
    expect(decideDownload('https://example.com/payload.exe', true, null)).toMatchObject({ allow: false });
    expect(decideDownload('blob:app://taskdeck/6f1c-42', false, null)).toMatchObject({ allow: false });
  });
});

describe('saveDialogFor', () => {
  it('proposes the documents folder with a filter for the file type', () => {
    expect(saveDialogFor('history.csv', '/home/me/Documents', posix.join)).toEqual({
      title: 'Export',
      defaultPath: '/home/me/Documents/history.csv',
      filters: [{ name: 'CSV', extensions: ['csv'] }, { name: 'All files', extensions: ['*'] }],
    });
  });
  it('never lets a file name pick another folder', () => {
    expect(saveDialogFor('../../.bashrc', '/d', posix.join).defaultPath).toBe('/d/_.._.bashrc');
    expect(saveDialogFor('a/b\\c:d.json', '/d', posix.join).defaultPath).toBe('/d/a_b_c_d.json');
    expect(saveDialogFor('', '/d', posix.join).defaultPath).toBe('/d/taskdeck-export');
  });
});

describe('exportFinishedMessage', () => {
  it('confirms with the path, the summary and a Show in Folder button; explains a failure; stays quiet on cancel', () => {
    expect(exportFinishedMessage({ kind: 'saved', path: '/d/r.json', summary: '12 errors in 3 tasks' })).toEqual({ type: 'info', message: 'Export saved', detail: '/d/r.json\n12 errors in 3 tasks', buttons: ['OK', 'Show in Folder'] });
    expect(exportFinishedMessage(downloadOutcome('completed', '/d/r.json'))).toMatchObject({ detail: '/d/r.json' });
    expect(exportFinishedMessage(downloadOutcome('interrupted', '/d/r.json'))).toMatchObject({ type: 'error', detail: expect.stringContaining('/d/r.json: the file was not written completely') });
    expect(exportFinishedMessage({ kind: 'failed', path: '/ro/r.json', reason: 'Cannot write /ro/r.json: EACCES' })).toMatchObject({ type: 'error', buttons: ['OK'] });
    expect(exportFinishedMessage(downloadOutcome('cancelled', ''))).toBeNull();
  });
  it('has a default file name for every export format', () => {
    for (const format of EXPORT_FORMATS) expect(EXPORT_FILE_NAMES[format]).toMatch(/^taskdeck-[a-z-]+\.(json|csv|html)$/);
  });
});
