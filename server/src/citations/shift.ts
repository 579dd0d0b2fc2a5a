// Ranges are immutable: an edit moves citations by copying them through one function, never by
// changing a range in place (a quick fix that shared its citation's range object was moved twice).

import type { Citation, CitationMember, LabelItem, ScannedCitation, TextRange } from './model';


export function shiftRange(r: TextRange, by: number): TextRange {
  return { start: r.start + by, end: r.end + by };
}

/** A copy of a scanned or resolved citation `by` characters further on; members keep their items. */
export function shiftCitation<C extends ScannedCitation>(c: C, by: number): C {
  const items: LabelItem[] = c.items.map((item) => ({ ...item, range: shiftRange(item.range, by) }));
  const moved: C = {
    ...c,
    range: shiftRange(c.range, by),
    instrumentRange: shiftRange(c.instrumentRange, by),
    items,
    antecedent: c.antecedent && { text: c.antecedent.text, range: shiftRange(c.antecedent.range, by) },
  };
  const members = (c as Partial<Citation>).members;
  if (members) {
    // Members follow their items in order (each item's paths in turn): one walk pairs them, so a
    // 200-member range is not searched 200 times and nothing is allocated but the copies.
    let j = 0;
    (moved as Partial<Citation>).members = members.map((m): CitationMember => {
      if (c.items[j] !== m.item) {
        const at = c.items.indexOf(m.item, j);
        j = at >= 0 ? at : c.items.indexOf(m.item);
      }
      return { ...m, item: j >= 0 ? items[j] : m.item };
    });
  }
  return moved;
}
