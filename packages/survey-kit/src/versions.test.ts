import { INSTRUMENTS } from './instruments';
import { canonicalJson, contentHash, diffForms } from './versions';

const where = INSTRUMENTS.find((i) => i.code === 'where_i_belong')!;
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('versions', () => {
  it('hashes content, not key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
    const reordered = JSON.parse(canonicalJson(where.json));
    expect(contentHash(reordered, where.scoring)).toBe(contentHash(where.json, where.scoring));
    expect(contentHash({ ...where.json, title: 'Other' }, where.scoring)).not.toBe(contentHash(where.json, where.scoring));
  });

  it('lists exactly the added, removed and changed items', () => {
    const next = copy(where.json);
    next.pages[2]!.elements.splice(2, 1); // bel_comment removed
    next.pages[2]!.elements.push({ type: 'text', name: 'loc_hopes', title: 'What do you hope for?' });
    next.pages[0]!.elements[4]!.visibleIf = "{bel_where} = 'nowhere'";
    next.pages[1]!.elements[0]!.title = 'I often talk with others in the same role as me.';
    next.pages[1]!.elements[0]!.isRequired = false;
    // Moving a question to another page is not a change to it.
    next.pages[0]!.elements.push(next.pages[1]!.elements.pop()!);
    expect(diffForms(where.json, next)).toEqual({
      added: ['loc_hopes'],
      removed: ['bel_comment'],
      changed: [
        { name: 'bel_isolated', properties: ['visibleIf'] },
        { name: 'bel_peer_contact', properties: ['isRequired', 'title'] },
      ],
    });
    expect(diffForms(where.json, copy(where.json))).toEqual({ added: [], removed: [], changed: [] });
  });
});
