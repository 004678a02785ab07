/**
 * What markup a form's texts may hold: the one allow-list the server checks forms against
 * (markup.ts) and the web app sanitises stored forms with before SurveyJS renders them. Text
 * formatting, lists, tables and links; no script, styles, images, frames or form controls.
 * Plain (imports nothing) so the web app can bundle it.
 */
export const MARKUP_POLICY = {
  ALLOWED_TAGS: [
    'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'code', 'div', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'li', 'mark', 'ol', 'p', 'pre',
    's', 'small', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'u', 'ul',
  ],
  ALLOWED_ATTR: ['href', 'title', 'lang', 'dir', 'colspan', 'rowspan', 'scope'],
  /** Attributes whose values are not addresses (DOMPurify checks any other against ALLOWED_URI_REGEXP). */
  ADD_URI_SAFE_ATTR: ['lang', 'dir', 'colspan', 'rowspan', 'scope'],
  /** Links go to web pages, email or phone numbers, or a place on this site: never `javascript:` or `data:`. */
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|tel:|#|\/(?!\/))/i,
  ALLOW_DATA_ATTR: false,
  /** Parse a text as body content, so a leading <script> is found (and reported), not dropped into <head>. */
  FORCE_BODY: true,
};

/**
 * Properties that hold an address, and the addresses each may hold. Pages (navigateToUrl) may be
 * anywhere on the web; pictures (imageLink, logo, backgroundImage) come from this site or inline,
 * so showing a form never asks another site for anything.
 */
export const ADDRESS_RULES: { property: RegExp; allowed: RegExp; expected: string }[] = [
  { property: /url$/i, allowed: /^(?:https?:\/\/|\/(?!\/)|#)/i, expected: 'a web page (https://…) or a path on this site' },
  {
    property: /(?:link|logo|image)$/i,
    allowed: /^(?:\/(?!\/)|data:image\/(?:png|jpeg|gif|webp);base64,)/i,
    expected: 'a path on this site or an inline PNG, JPEG, GIF or WebP picture (data:image/…;base64,)',
  },
];
