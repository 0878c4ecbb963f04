/// The stylesheet written next to `index.html`: a serif body, a ~70-character measure, print styles.
public enum Stylesheet {
    public static let css = """
    :root {
      --text: #1b1d21;
      --muted: #5a6270;
      --rule: #d9dde3;
      --accent: #1f4e79;
      --demand: #7a3e00;
      --supply: #0b5d4b;
      --code-bg: #f4f5f7;
      --measure: 70ch;
    }
    html { font-size: 18px; }
    body {
      margin: 0 auto;
      padding: 2.5rem 1.25rem 4rem;
      max-width: var(--measure);
      color: var(--text);
      background: #fff;
      font-family: "Noto Serif", "Source Serif Pro", Georgia, "Times New Roman", serif;
      line-height: 1.6;
      hyphens: auto;
      text-rendering: optimizeLegibility;
    }
    h1, h2, h3, h4, h5, h6, .title-block .meta, nav.toc, figcaption, table, .authors {
      font-family: "Noto Sans", "Source Sans Pro", "Helvetica Neue", Arial, sans-serif;
    }
    h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 2em 0 0.6em; font-weight: 650; }
    h3 { font-size: 1.25rem; }
    h4 { font-size: 1.1rem; }
    h5, h6 { font-size: 1rem; }
    .secnum, .chapnum, .partnum { color: var(--muted); font-weight: 500; margin-right: 0.35em; }
    .chapnum, .partnum { display: block; font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.08em; }
    a { color: var(--accent); text-decoration-thickness: 1px; text-underline-offset: 2px; }
    .title-block { border-bottom: 1px solid var(--rule); padding-bottom: 1.5rem; margin-bottom: 2rem; }
    .title-block .title { font-size: 2.2rem; margin: 0 0 0.3em; }
    .title-block .subtitle { font-size: 1.25rem; color: var(--muted); margin: 0 0 1.2em; }
    .authors { list-style: none; padding: 0; margin: 0 0 1em; display: flex; flex-wrap: wrap; gap: 0.6em 2em; }
    .authors .author { display: block; font-weight: 600; }
    .authors .affiliation { display: block; font-size: 0.85rem; color: var(--muted); }
    .title-block .meta { font-size: 0.85rem; color: var(--muted); }
    .title-block .stamp { font-size: 0.8rem; color: var(--muted); font-family: "Noto Sans", Arial, sans-serif; }
    .draft-banner {
      position: sticky; top: 0; z-index: 10; margin: -2.5rem -1.25rem 2rem; padding: 0.45rem 1.25rem;
      background: #fff4d6; border-bottom: 1px solid #e0c36a; color: #4a3b00; font-size: 0.8rem;
      font-family: "Noto Sans", "Source Sans Pro", Arial, sans-serif;
    }
    .draft-banner strong { text-transform: uppercase; letter-spacing: 0.05em; }
    .draft-banner a { color: inherit; }
    .abstract h2 { font-size: 1rem; text-transform: uppercase; letter-spacing: 0.08em; margin-top: 1.5em; }
    .abstract p { font-style: italic; }
    nav.toc { font-size: 0.95rem; border-bottom: 1px solid var(--rule); padding-bottom: 1.5rem; }
    nav.toc h2 { font-size: 1rem; text-transform: uppercase; letter-spacing: 0.08em; }
    nav.toc ol { list-style: none; padding-left: 1.1em; margin: 0.2em 0; }
    nav.toc > ol { padding-left: 0; }
    nav.toc a { text-decoration: none; }
    nav.toc a:hover { text-decoration: underline; }
    .toc-part > a { font-weight: 650; }
    section.part > .part-title {
      font-size: 1.7rem; margin-top: 3em; padding-top: 1em; border-top: 4px solid var(--accent);
    }
    section.part-demand > .part-title { border-top-color: var(--demand); }
    section.part-supply > .part-title { border-top-color: var(--supply); }
    .chapter-title { font-size: 1.6rem; margin-top: 2.5em; }
    p { margin: 0 0 1em; }
    blockquote { margin: 1.2em 0; padding: 0.1em 1.2em; border-left: 3px solid var(--rule); color: #333a44; }
    code { font-family: "Noto Sans Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.85em; }
    pre { background: var(--code-bg); padding: 0.9em 1em; overflow-x: auto; border-radius: 4px; line-height: 1.4; }
    pre code { font-size: 0.8rem; }
    .page-break { break-after: page; }
    p.raw-html { font-family: monospace; font-size: 0.85em; white-space: pre-wrap; color: var(--muted); }
    table { border-collapse: collapse; width: 100%; margin: 1.5em 0; font-size: 0.88rem; line-height: 1.4; }
    thead th { border-bottom: 2px solid var(--text); }
    th, td { padding: 0.45em 0.6em; vertical-align: top; text-align: left; }
    th[align="center"], td[align="center"], .align-center { text-align: center; }
    th[align="right"], td[align="right"], .align-right { text-align: right; }
    tbody tr { border-bottom: 1px solid var(--rule); }
    tbody tr:last-child { border-bottom: 2px solid var(--text); }
    figure { margin: 2em 0; text-align: center; }
    figure img { max-width: 100%; height: auto; }
    img { max-width: 100%; }
    figcaption { font-size: 0.9rem; color: var(--muted); margin-top: 0.6em; text-align: left; }
    .figure-label { font-weight: 650; color: var(--text); }
    ul, ol { padding-left: 1.5em; }
    li { margin: 0.25em 0; }
    li > input[type="checkbox"] { margin-right: 0.4em; }
    hr { border: 0; border-top: 1px solid var(--rule); margin: 2em 0; }
    sup.footnote-ref { line-height: 0; font-size: 0.75em; }
    sup.footnote-ref a { text-decoration: none; }
    section.footnotes { border-top: 1px solid var(--rule); margin-top: 2em; padding-top: 0.5em; font-size: 0.85rem; }
    .footnote-backref { text-decoration: none; }
    .references p.reference { padding-left: 2em; text-indent: -2em; margin: 0 0 0.6em; overflow-wrap: anywhere; }
    .references.numeric p.reference { padding-left: 3em; text-indent: -3em; }
    .references .reference-label { display: inline-block; min-width: 3em; text-indent: 0; }
    .references .backlinks { color: var(--muted); font-size: 0.8rem; }
    .references .backlinks a { text-decoration: none; }
    span.citation a { text-decoration: none; }
    :target { background: #fff6d6; }
    math { font-size: 1.05em; }
    math[display="block"] { margin: 0.2em 0; }
    .math-tex { font-family: "Noto Sans Mono", "DejaVu Sans Mono", monospace; font-size: 0.85em; color: #6b3a00; }
    pre.math-tex { background: #fff8ec; padding: 0.5em 0.8em; border-radius: 4px; }
    .equation { display: flex; align-items: center; justify-content: center; gap: 1.5em; margin: 1.2em 0; }
    .equation > math, .equation > .math-tex { flex: 1; text-align: center; }
    .eqnum { font-family: "Noto Sans", sans-serif; color: var(--muted); }
    figure.subfigures .subfigure-row { display: flex; flex-wrap: wrap; gap: 1em; justify-content: center; align-items: flex-end; }
    figure.subfigure { flex: 1 1 0; min-width: 12em; margin: 0; }
    figure.subfigure figcaption { text-align: center; }
    figure.listing { text-align: left; }
    figure.listing figcaption { margin: 0 0 0.4em; }
    .listing-label, .table-label { font-weight: 650; color: var(--text); }
    caption { caption-side: top; text-align: left; font-size: 0.9rem; color: var(--muted); padding-bottom: 0.5em; }
    .callout { margin: 1.5em 0; padding: 0.6em 1em; border-left: 4px solid var(--callout); border-radius: 4px;
      background: color-mix(in srgb, var(--callout) 7%, white); }
    .callout > :last-child { margin-bottom: 0.2em; }
    .callout-title { display: flex; align-items: center; gap: 0.45em; font-family: "Noto Sans", sans-serif;
      font-weight: 650; color: var(--callout); margin-bottom: 0.4em; }
    .callout-icon { flex: none; }
    .callout-note { --callout: #1f6fb2; }
    .callout-tip { --callout: #2e7d32; }
    .callout-important { --callout: #6a3fb5; }
    .callout-warning { --callout: #b26a00; }
    .callout-caution { --callout: #b3261e; }
    nav.float-list { font-size: 0.9rem; border-bottom: 1px solid var(--rule); padding-bottom: 1em; }
    nav.float-list h2 { font-size: 1rem; text-transform: uppercase; letter-spacing: 0.08em; }
    nav.float-list ol { list-style: none; padding-left: 0; }
    .citation.unresolved { color: #b3261e; }
    ins.review { background: #e6f4ea; color: #0b5d1e; text-decoration: underline; text-decoration-color: #2e7d32; }
    del.review { background: #fce8e6; color: #8a1c12; }
    mark.review { background: #fff3b0; color: inherit; }
    .review-comment {
      display: inline-block; margin: 0 0.2em; padding: 0 0.4em; border: 1px solid #e0c36a; border-radius: 4px;
      background: #fff8dc; color: #4a3b00; font: 0.75rem/1.4 "Noto Sans", Arial, sans-serif; text-indent: 0;
      hyphens: manual; max-width: 100%;
    }
    .review-author { font-weight: 650; }
    @media (min-width: 76rem) {
      .review-comment { float: right; clear: right; width: 13rem; margin: 0.2em -15rem 0.4em 0; padding: 0.2em 0.5em; }
    }
    .colophon { margin-top: 4em; font-size: 0.8rem; color: var(--muted); border-top: 1px solid var(--rule); }
    @media (max-width: 600px) { html { font-size: 16px; } }
    @media print {
      @page { size: A4; margin: 2.2cm 2cm; }
      html { font-size: 11pt; }
      body { max-width: none; padding: 0; }
      .draft-banner { position: static; margin: 0 0 1rem; }
      nav.toc, section.part, section.chapter { break-before: page; }
      section.part > .part-title { border-top: none; }
      h1, h2, h3, h4 { break-after: avoid; }
      figure, table, pre, blockquote, .callout, .equation { break-inside: avoid; }
      a { color: inherit; text-decoration: none; }
      .colophon { display: none; }
    }

    """
}
