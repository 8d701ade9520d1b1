import { describe, expect, it } from 'vitest';
import { drillFragment, drillIdFromFragment, withDrillFirst } from '../../../src/drills/drill-link.ts';

const queue = [{ id: 'port-80' }, { id: 'loopback-binding' }, { id: 'ephemeral-ports' }];

describe('links to one drill', () => {
  it('reads back the drill id a fragment was made from', () => {
    expect(drillFragment('loopback-binding')).toBe('#drill-loopback-binding');
    expect(drillIdFromFragment(drillFragment('loopback-binding'))).toBe('loopback-binding');
  });

  it('finds no drill in other fragments', () => {
    expect(drillIdFromFragment('')).toBeUndefined();
    expect(drillIdFromFragment('#drill-')).toBeUndefined();
    expect(drillIdFromFragment('#sources')).toBeUndefined();
    expect(drillIdFromFragment('#drill-%E0%A4%A')).toBeUndefined();
  });

  it('starts the session with the linked drill and keeps the others in order', () => {
    expect(withDrillFirst(queue, 'ephemeral-ports').map((drill) => drill.id)).toEqual(['ephemeral-ports', 'port-80', 'loopback-binding']);
  });

  it('leaves the queue as it was when the link names no drill of the page', () => {
    expect(withDrillFirst(queue, 'no-such-drill')).toEqual(queue);
    expect(withDrillFirst(queue, undefined)).toEqual(queue);
  });
});
