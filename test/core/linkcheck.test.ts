import { describe, expect, it } from 'vitest';
import { advance, allowed, dispositionName, htmlTitle, linkKind, resolveLocation, reusedLinks, startLink, yearHint } from '../../src/core/linkcheck';

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
