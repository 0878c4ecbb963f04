/// The script and styles the preview adds to the paper's page: a WebSocket to the server; on
/// "reload" the page fetches itself and swaps its body in place, keeping the scroll position; on
/// "errors" it shows an overlay with each diagnostic's file:line:column over the last good page.
enum LiveScript {
    static let path = "/_folio/live"

    static let tag = """
    <style id="folio-live-style">
    #folio-overlay { position: fixed; inset: 0 0 auto 0; max-height: 60vh; overflow: auto; z-index: 1000;
      background: #fff5f5; border-bottom: 3px solid #b3261e; color: #3b0a08; padding: 1rem 1.5rem;
      font: 14px/1.5 "Noto Sans Mono", ui-monospace, monospace; box-shadow: 0 4px 16px rgba(0,0,0,.15); }
    #folio-overlay h2 { font: 600 16px/1.3 "Noto Sans", sans-serif; margin: 0 0 .5rem; color: #b3261e; }
    #folio-overlay ol { margin: 0; padding-left: 1.2rem; }
    #folio-overlay .where { font-weight: 600; }
    </style>
    <script id="folio-live">
    (() => {
      let retry = 500;
      function overlay(items) {
        let o = document.getElementById("folio-overlay");
        if (!items || items.length === 0) { if (o) o.remove(); return; }
        if (!o) { o = document.createElement("div"); o.id = "folio-overlay"; o.setAttribute("role", "alert"); }
        o.textContent = "";
        const h = document.createElement("h2");
        h.textContent = "The paper does not build: the last good version is shown below";
        o.appendChild(h);
        const list = document.createElement("ol");
        for (const d of items) {
          const li = document.createElement("li");
          const where = document.createElement("span");
          where.className = "where";
          where.textContent = d.where ? d.where + ": " : "";
          li.appendChild(where);
          li.appendChild(document.createTextNode(d.severity + ": " + d.message + " [" + d.id + "]"));
          list.appendChild(li);
        }
        o.appendChild(list);
        document.body.appendChild(o);
      }
      async function refresh() {
        const y = window.scrollY;
        const response = await fetch(location.pathname, { cache: "no-store" });
        const page = new DOMParser().parseFromString(await response.text(), "text/html");
        document.body.replaceWith(document.adoptNode(page.body));
        document.title = page.title;
        window.scrollTo(0, y);
      }
      function connect() {
        const ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "\(path)");
        ws.onopen = () => { retry = 500; };
        ws.onmessage = async (event) => {
          const m = JSON.parse(event.data);
          if (m.type === "reload") { await refresh(); overlay([]); document.documentElement.dataset.folioVersion = m.version; }
          else if (m.type === "errors") { overlay(m.items); }
          else if (m.type === "ok") { overlay([]); }
        };
        ws.onclose = () => { setTimeout(connect, retry); retry = Math.min(retry * 2, 5000); };
      }
      connect();
    })();
    </script>

    """

    /// The page with the script before `</head>`.
    static func inject(into html: String) -> String {
        guard let head = html.range(of: "</head>") else { return tag + html }
        return html.replacingCharacters(in: head.lowerBound..<head.lowerBound, with: tag)
    }
}
