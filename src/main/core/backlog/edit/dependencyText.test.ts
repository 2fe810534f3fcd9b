import { describe, expect, it } from 'vitest';
import { idPattern, isNoneText, withDependencyAdded, withDependencyRemoved, withScoreDependencyRemoved } from './dependencyText';

describe('withDependencyAdded', () => {
  it('replaces a none word by the id', () => {
    expect(withDependencyAdded('None', 'B-1')).toBe('B-1');
    expect(withDependencyAdded('-', 'B-1')).toBe('B-1');
    expect(withDependencyAdded('', 'B-1')).toBe('B-1');
  });
  it('appends to existing text', () => {
    expect(withDependencyAdded('B-2 (auth)', 'B-1')).toBe('B-2 (auth), B-1');
  });
});

describe('withDependencyRemoved', () => {
  it('drops the item with its note and its separator', () => {
    expect(withDependencyRemoved('B-1060 (Academic, Gates), B-1045 (RAG)', 'B-1060')).toBe('B-1045 (RAG)');
    expect(withDependencyRemoved('B-1060 (Academic), B-1045 (RAG)', 'B-1045')).toBe('B-1060 (Academic)');
  });
  it('matches the U+2011 hyphen', () => {
    expect(withDependencyRemoved('B\u2011049, B\u2011050', 'B-049')).toBe('B\u2011050');
  });
  it('does not touch a longer id that starts the same', () => {
    expect(withDependencyRemoved('B-052-d, B-052', 'B-052')).toBe('B-052-d');
    expect(withDependencyRemoved('B-052-d', 'B-052')).toBeNull();
    expect(withDependencyRemoved('B-0521', 'B-052')).toBeNull();
  });
  it('removes only the id from an item naming several', () => {
    expect(withDependencyRemoved('B-1 and B-2', 'B-2')).toBe('B-1');
  });
  it('leaves an empty text when the last one goes', () => {
    expect(withDependencyRemoved('B-1', 'B-1')).toBe('');
    expect(isNoneText('')).toBe(true);
  });
});

describe('withScoreDependencyRemoved', () => {
  it('removes the id from deps:[...]', () => {
    expect(withScoreDependencyRemoved('<!--score: {bv:5, effort:3, deps:[B-1, B-2]}-->', 'B-1')).toBe(
      '<!--score: {bv:5, effort:3, deps:[B-2]}-->',
    );
    expect(withScoreDependencyRemoved('<!--score: {deps:["B-1"]}-->', 'B-1')).toBe('<!--score: {deps:[]}-->');
    expect(withScoreDependencyRemoved('<!--score: {deps:[]}-->', 'B-1')).toBeNull();
  });
});

describe('idPattern', () => {
  it('finds whole ids only', () => {
    expect(idPattern('B-1', '').test('XB-1')).toBe(false);
    expect(idPattern('B-1', '').test('see B-1.')).toBe(true);
  });
});

describe('idPattern reads IDs in free text as the reader does', () => {
  it('skips IDs glued to other text, file names and folders', () => {
    expect(idPattern('B-1059', '').test('PRD_B-1059')).toBe(false);
    expect(idPattern('B-3', '').test('see B-3.md')).toBe(false);
    expect(idPattern('B-3', '').test('in B-3/')).toBe(false);
    expect(idPattern('B-1', '').test('B-1/B-2')).toBe(true);
    expect(idPattern('B-3', '').test('after B-3.')).toBe(true);
  });
});
