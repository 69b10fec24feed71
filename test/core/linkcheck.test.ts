import { describe, expect, it } from 'vitest';
import { advance, allowed, checkedKey, checkedStamp, dispositionName, htmlTitle, invalidWhy, linkKind, resolveLocation, reusedLinks, startLink, yearHint } from '../../src/core/linkcheck';

describe('which links the add-on may fetch', () => {
  it('admits https addresses under the allowlist, by Google’s rules for prefixes and wildcards', () => {
    expect(allowed('https://www.huaytoei.go.th/ita/o1')).toBe(true);
    expect(allowed('https://huaytoei.go.th/')).toBe(true); // one subdomain of go.th
    expect(allowed('https://go.th/')).toBe(false); // "at least one subdomain must be present"
    expect(allowed('https://drive.google.com/file/d/1/view')).toBe(true);
    expect(allowed('https://www.google.com/drive/')).toBe(false);
    expect(allowed('http://www.huaytoei.go.th/')).toBe(false);
    expect(allowed('https://evil.go.th.example.com/')).toBe(false);
  });

  it('tells links apart before fetching: none, not a web address, plain http, elsewhere, to fetch', () => {
    expect(['', 'www.x.go.th', 'http://x.go.th/a', 'https://facebook.com/x', 'https://x.go.th/a'].map(linkKind)).toEqual(['none', 'invalid', 'http', 'outside', 'fetch']);
  });
});

describe('following a redirect by hand', () => {
  it('resolves a Location against the address that sent it', () => {
    expect(resolveLocation('https://a.go.th/ita/o1', '/news/')).toBe('https://a.go.th/news/');
    expect(resolveLocation('https://a.go.th/ita/o1', 'o2?x=1')).toBe('https://a.go.th/ita/o2?x=1');
    expect(resolveLocation('https://a.go.th/ita/sub/o1', '../o3')).toBe('https://a.go.th/ita/o3');
    expect(resolveLocation('https://a.go.th/ita/o1', '//drive.google.com/x')).toBe('https://drive.google.com/x');
    expect(resolveLocation('https://a.go.th/ita/o1', 'https://b.go.th/')).toBe('https://b.go.th/');
  });

  it('stops at a redirect to plain http or elsewhere, recording where it pointed', () => {
    const s = startLink('https://a.go.th/o1');
    advance(s, { status: 301, location: 'http://a.go.th/o1' });
    expect(s).toMatchObject({ done: true, status: '301', finalUrl: 'http://a.go.th/o1' });
    expect(s.problems[0]).toContain('http://');
  });

  it('gives up after five redirects', () => {
    const s = startLink('https://a.go.th/0');
    for (let i = 1; i <= 6 && !s.done; i++) advance(s, { status: 302, location: `/${i}` });
    expect(s.done).toBe(true);
    expect(s.problems).toEqual(['ส่งต่อเกิน 5 ครั้ง']);
  });
});

describe('the year hint', () => {
  const page = (url: string, name: string) => {
    const s = startLink(url);
    advance(s, { status: 200, contentType: 'text/html', name });
    return s;
  };
  it('is quiet when the link, final address, title or file name names the year, in either era or Thai digits', () => {
    expect(yearHint(page('https://a.go.th/plan-2569.pdf', ''), 'แผนปฏิบัติการ', 2569)).toBeUndefined();
    expect(yearHint(page('https://a.go.th/plan', 'แผน ปี ๒๕๖๙'), 'แผนปฏิบัติการ', 2569)).toBeUndefined();
    expect(yearHint(page('https://a.go.th/plan-2026', ''), 'แผนปฏิบัติการ', 2569)).toBeUndefined();
    expect(yearHint(page('https://a.go.th/%E0%B9%92%E0%B9%95%E0%B9%96%E0%B9%99', ''), 'แผน', 2569)).toBeUndefined(); // ๒๕๖๙ percent-encoded
  });

  it('says which other year is named, and only hints at a missing year for yearly documents', () => {
    expect(yearHint(page('https://a.go.th/report-2567', ''), 'รายงานผล', 2568)).toContain('ระบุปี 2567 ไม่ใช่ปี 2568');
    expect(yearHint(page('https://a.go.th/report', ''), 'รายงานผลการดำเนินงานประจำปี', 2568)).toContain('ไม่ได้ระบุปี 2568');
    expect(yearHint(page('https://a.go.th/structure', ''), 'โครงสร้าง', 2569)).toBeUndefined();
  });

  it('reads a number alone in an address as a year only when it is a Buddhist-Era year or a date folder, never a page id', () => {
    expect(yearHint(page('https://a.go.th/news/detail/2045', 'ข่าว'), 'ข่าวประชาสัมพันธ์', 2569)).toBeUndefined();
    expect(yearHint(page('https://a.go.th/news?id=2045', 'ข่าว'), 'ข่าวประชาสัมพันธ์', 2569)).toBeUndefined();
    expect(yearHint(page('https://a.go.th/ita/2569', ''), 'แผน', 2569)).toBeUndefined();
    expect(yearHint(page('https://a.go.th/2026/03/plan', ''), 'แผน', 2569)).toBeUndefined();
    expect(yearHint(page('https://a.go.th/plan?year=2026', ''), 'แผน', 2569)).toBeUndefined();
    expect(yearHint(page('https://a.go.th/2024/03/plan', ''), 'แผน', 2569)).toContain('ระบุปี 2567');
    expect(yearHint(page('https://a.go.th/doc/2045', ''), 'แผน', 2569)).toBe('ชื่อหน้าหรือไฟล์ไม่ได้ระบุปี 2569 (ข้อสังเกต ควรตรวจเอง)');
    expect(yearHint(page('https://a.go.th/plan-2099', 'ฉบับที่ 1999'), 'แผน', 2569)).toBe('ชื่อหน้าหรือไฟล์ไม่ได้ระบุปี 2569 (ข้อสังเกต ควรตรวจเอง)'); // not plausible fiscal years
  });
});

describe('reading a response', () => {
  it('takes a page’s title and a file’s name', () => {
    expect(htmlTitle('<html><head><title> แผน &amp; ผล\n2569 </title></head>')).toBe('แผน & ผล 2569');
    expect(dispositionName("attachment; filename*=UTF-8''%E0%B8%9C%E0%B8%A5%202568.pdf")).toBe('ผล 2568.pdf');
    expect(dispositionName('inline; filename="plan 2569.pdf"')).toBe('plan 2569.pdf');
  });
});

describe('a link reused', () => {
  it('is flagged on each item that shares it with another item, not on a repeated row of the same item', () => {
    const r = reusedLinks([
      { code: 'O1', item: 'ก', url: 'https://a.go.th/x' },
      { code: 'O2', item: 'ข', url: 'https://a.go.th/x/' },
      { code: 'O3', item: 'ค', url: 'https://a.go.th/y' },
      { code: 'O3', item: 'ค', url: 'https://a.go.th/y' },
    ]);
    expect([...r]).toEqual([
      [0, ['O2']],
      [1, ['O1']],
    ]);
  });
});

describe('a cell that is no single web address', () => {
  it('names the problem: two links in one cell, a space in the link, or no https:// at its start', () => {
    expect(invalidWhy('https://a.go.th/o1\nhttps://a.go.th/o2')).toMatch(/^มีหลายลิงก์ในช่องเดียว/);
    expect(invalidWhy('https://a.go.th/o1 https://a.go.th/o2')).toMatch(/^มีหลายลิงก์ในช่องเดียว/);
    expect(invalidWhy('https://a.go.th/คู่มือ ปฏิบัติงาน.pdf')).toMatch(/^มีช่องว่างในลิงก์/);
    expect(invalidWhy('www.a.go.th')).toBe('ไม่ใช่ที่อยู่เว็บ (ต้องขึ้นต้นด้วย https://)');
    expect(startLink('https://a.go.th/a b').problems[0]).toMatch(/^มีช่องว่างในลิงก์/);
  });
});

describe('when the check last checked an item', () => {
  const textOf = (d: Date) => d.toISOString().slice(0, 19).replace('T', ' ');
  it('reads only the check’s own local time text, or a Date; anything a person typed is not checked', () => {
    expect(checkedStamp('2026-11-23 09:00:05', textOf)).toBe('2026-11-23 09:00:05');
    expect(checkedStamp(' 2026-11-23 09:00:05 ', textOf)).toBe('2026-11-23 09:00:05');
    expect(checkedStamp(new Date('2026-11-23T09:00:05Z'), textOf)).toBe('2026-11-23 09:00:05');
    for (const v of ['รอตรวจ', '', 'ตรวจแล้ว', '23/11/2569', 45000, true, null, new Date(NaN)]) expect(checkedStamp(v, textOf)).toBeUndefined();
  });

  it('keys an item by code, title and link: a changed link is another key', () => {
    expect(checkedKey('O5', 'แผน', 'https://a.go.th/o5')).toBe(checkedKey('O5', 'แผน', 'https://a.go.th/o5'));
    expect(checkedKey('O5', 'แผน', 'https://a.go.th/o5')).not.toBe(checkedKey('O5', 'แผน', 'https://a.go.th/o5-2569'));
    expect(checkedKey('O5', 'แผน', 'x')).toMatch(/^[0-9a-z]{1,7}$/);
  });
});
