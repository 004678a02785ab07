import type { ITheme } from 'survey-core';

/**
 * SurveyJS's own theme, in NHS colours: NHS blue for what is chosen and for the buttons, NHS
 * text colours, the pale grey page. Every pair of text and background here clears WCAG AA
 * (4.5:1): blue #005eb8 on white 5.9:1, white on it the same, #212b32 on white 14.8:1,
 * #4c6272 on white 6.2:1 and on the page's grey 5.7:1. SurveyJS's default green (#19b394)
 * gave 2.65:1 under white text and 3.6:1 as text on white. The browser tests measure it.
 */
export const HARBOUR_THEME: ITheme = {
  themeName: 'harbour',
  colorPalette: 'light',
  isPanelless: false,
  cssVariables: {
    '--sjs2-color-project-brand-600': 'rgba(0, 94, 184, 1)',
    '--sjs2-color-bg-brand-primary': 'rgba(0, 94, 184, 1)',
    '--sjs2-color-bg-brand-primary-dim': 'rgba(0, 48, 135, 1)',
    '--sjs2-color-bg-brand-secondary': 'rgba(0, 94, 184, 0.1)',
    '--sjs2-color-fg-brand-primary': 'rgba(0, 94, 184, 1)',
    '--sjs2-color-fg-brand-on-primary': 'rgba(255, 255, 255, 1)',
    '--sjs2-color-border-brand-primary': 'rgba(0, 94, 184, 1)',
    '--sjs2-color-fg-basic-primary': 'rgba(33, 43, 50, 1)',
    '--sjs2-color-fg-basic-secondary': 'rgba(76, 98, 114, 1)',
    '--sjs2-color-fg-basic-tertiary': 'rgba(76, 98, 114, 1)',
    '--sjs2-color-utility-body': 'rgba(240, 244, 245, 1)',
  },
};
