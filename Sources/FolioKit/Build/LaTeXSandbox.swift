import Foundation

/// The PDF build treats the LaTeX as untrusted code. Each build gets a fresh temporary folder outside
/// the output folder, never reused:
///
///     folio-latex-PID-RANDOM/src      paper.tex, assets, references.bib (read-only to TeX)
///     folio-latex-PID-RANDOM/sandbox  folio-sandbox.lua (read-only)
///     folio-latex-PID-RANDOM/work     LaTeX's output folder, the only place it may write
///
/// TeX runs with `-no-shell-escape`, `openin_any=p`, `openout_any=p` and a minimal environment (no CI
/// secrets). Before the document, `folio-sandbox.lua` removes Lua's ways out: process creation,
/// native code, `debug`, binary chunks outside the font cache, and file access outside TeX's trees,
/// the fonts and the build folder (writes only to `work` and LuaTeX's font cache). Where bubblewrap is
/// installed, latexmk also runs in a `bwrap` sandbox: no network, a read-only system, and only
/// `work` and the font cache writable.
struct LaTeXSandbox {
    let root: URL
    var src: URL { root.appendingPathComponent("src") }
    var sandbox: URL { root.appendingPathComponent("sandbox") }
    var work: URL { root.appendingPathComponent("work") }
    static let prefix = "folio-latex-"

    /// Creates the folders; removes folders left by builds whose process is gone.
    init() throws {
        Self.removeStale()
        let fm = FileManager.default
        root = fm.temporaryDirectory.appendingPathComponent("\(Self.prefix)\(getpid())-\(UUID().uuidString.prefix(8))")
        for dir in ["", "src", "sandbox", "work", "cache"].map({ root.appendingPathComponent($0) }) {
            try fm.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// `folio-latex-PID-…` folders in the temporary folder whose PID is no longer running.
    static func removeStale() {
        let fm = FileManager.default
        let tmp = fm.temporaryDirectory
        guard let names = try? fm.contentsOfDirectory(atPath: tmp.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            let pidText = name.dropFirst(prefix.count).prefix { $0.isNumber }
            guard let pid = Int32(pidText), !StaleFolders.isRunning(pid) else { continue }
            try? fm.removeItem(at: tmp.appendingPathComponent(name))
        }
    }

    /// This build's own font cache: luaotfload writes here, and it is discarded with the build.
    var cache: URL { root.appendingPathComponent("cache") }

    /// The TeX trees and font folders TeX may read, and the shared font caches (`TEXMFSYSVAR`, `TEXMFVAR`),
    /// which a sandboxed build reads but never writes: a pull request cannot poison later builds.
    static func texRoots() -> (read: [String], trustedCaches: [String]) {
        let read = ["/usr/share/texlive", "/usr/share/texmf", "/usr/share/fonts", "/usr/local/share/fonts",
                    "/usr/share/fontconfig", "/etc/texmf", "/etc/fonts", "/var/lib/texmf", "/var/cache/fontconfig"]
        let caches = ["TEXMFSYSVAR", "TEXMFVAR"].compactMap(kpseVariable)
        return (read + caches, caches)
    }

    /// luaotfload reads its font-name index only from the writable cache, so the build's own cache starts
    /// with a copy of the shared index (its text form: this build cannot load bytecode it could have written).
    func seedFontNames(from trustedCaches: [String]) {
        let fm = FileManager.default
        let target = cache.appendingPathComponent("luatex-cache/generic/names")
        for root in trustedCaches.reversed() {
            let names = URL(fileURLWithPath: root).appendingPathComponent("luatex-cache/generic/names")
            guard let files = try? fm.contentsOfDirectory(atPath: names.path), files.contains("luaotfload-names.lua.gz") else { continue }
            try? fm.createDirectory(at: target, withIntermediateDirectories: true)
            for file in files where file.hasSuffix(".lua") || file.hasSuffix(".lua.gz") {
                let source = names.appendingPathComponent(file)
                guard (try? fm.attributesOfItem(atPath: source.path)[.type] as? FileAttributeType) == .typeRegular,
                      let data = try? Data(contentsOf: source) else { continue }
                try? data.write(to: target.appendingPathComponent(file))
            }
            return
        }
    }

    static func kpseVariable(_ name: String) -> String? {
        guard let kpse = ProcessRunner.which("kpsewhich"),
              let r = try? ProcessRunner.run(kpse, ["-var-value", name], in: "/"), r.status == 0 else { return nil }
        let v = r.output.trimmingWhitespaceAndNewlines()
        return v.hasPrefix("/") ? v : nil
    }

    /// The Lua sandbox, with this build's folders filled in. Binary chunks load only from the shared caches,
    /// which this build cannot write.
    func lua(read: [String], trustedCaches: [String]) -> String {
        func list(_ paths: [String]) -> String { paths.map { "\"\(Self.luaEscaped($0))\"" }.joined(separator: ", ") }
        return Self.luaTemplate
            .replacingOccurrences(of: "@READ@", with: list(read + [root.path]))
            .replacingOccurrences(of: "@WRITE@", with: list([work.path, cache.path]))
            .replacingOccurrences(of: "@BINARY@", with: list(trustedCaches.map { $0 + "/luatex-cache" }))
    }

    static func luaEscaped(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }

    /// The main file latexmk compiles: the sandbox first, then the paper.
    var mainFile: String {
        "\\directlua{dofile(\"\(Self.luaEscaped(sandbox.appendingPathComponent("folio-sandbox.lua").path))\")}\\input{paper.tex}\n"
    }

    /// The environment TeX sees: no tokens or other secrets from CI.
    func environment(trustedCaches: [String]) -> [String: String] {
        let env = ProcessInfo.processInfo.environment
        var out = ["PATH": "/usr/local/bin:/usr/bin:/bin", "openin_any": "p", "openout_any": "p", "shell_escape": "f",
                   "LANG": "C.UTF-8", "TEXMFCACHE": ([cache.path] + trustedCaches).joined(separator: ":")]
        for key in ["HOME", "SOURCE_DATE_EPOCH", "FORCE_SOURCE_DATE", "TEXMFVAR", "TEXMFHOME", "TEXMFCONFIG"] {
            if let v = env[key] { out[key] = v }
        }
        return out
    }

    /// `bwrap` arguments around a command, or nil when bubblewrap is not installed (or cannot run here).
    func bubblewrap(trustedCaches: [String]) -> [String]? {
        guard let bwrap = ProcessRunner.which("bwrap") else { return nil }
        var args = [bwrap, "--unshare-all", "--die-with-parent", "--new-session",
                    "--ro-bind", "/usr", "/usr", "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"]
        for link in ["bin", "lib", "lib64", "sbin"] where (try? FileManager.default.destinationOfSymbolicLink(atPath: "/\(link)")) != nil {
            args += ["--symlink", "usr/\(link)", "/\(link)"]
        }
        for dir in ["/etc/texmf", "/etc/fonts", "/etc/alternatives", "/etc/papersize", "/etc/perl", "/var/lib/texmf", "/var/cache/fontconfig"] {
            args += ["--ro-bind-try", dir, dir]
        }
        if let home = ProcessInfo.processInfo.environment["HOME"], home.hasPrefix("/") {
            args += ["--dir", home]
        }
        for dir in trustedCaches { args += ["--ro-bind-try", dir, dir] }
        args += ["--ro-bind", src.path, src.path, "--ro-bind", sandbox.path, sandbox.path,
                 "--bind", work.path, work.path, "--bind", cache.path, cache.path, "--chdir", src.path, "--"]
        return args
    }

    static let luaTemplate = #"""
    -- Folio's LuaTeX sandbox, loaded before the document. Lua may read only under TeX's trees, the
    -- fonts and this build's folders, write only to the build's work folder and LuaTeX's font cache,
    -- and cannot start processes, load native code or reach the unwrapped functions.
    -- Modules of Folio's preamble that need `debug` while loading run first, while it is still there.
    pcall(require, "pre_append_to_vlist_filter")

    local READ = { @READ@ }
    local WRITE = { @WRITE@ }
    local BINARY = { @BINARY@ }
    local cwd = lfs.currentdir()
    local sub, find, gsub = string.sub, string.find, string.gsub

    local function absolute(p)
      if type(p) ~= "string" then return nil end
      if find(p, "%z") then return nil end
      if sub(p, 1, 1) ~= "/" then p = cwd .. "/" .. p end
      local parts = {}
      for seg in string.gmatch(p, "[^/]+") do
        if seg == ".." then
          if #parts == 0 then return nil end
          table.remove(parts)
        elseif seg ~= "." then
          parts[#parts + 1] = seg
        end
      end
      return "/" .. table.concat(parts, "/")
    end

    local function under(p, roots)
      local a = absolute(p)
      if not a then return false end
      for _, r in ipairs(roots) do
        if a == r or sub(a, 1, #r + 1) == r .. "/" then return true end
      end
      return false
    end

    local function refuse(what, p)
      texio.write_nl("term and log", "Folio sandbox: refused " .. what .. " " .. tostring(p))
      return nil, "Folio sandbox: " .. what .. " refused"
    end

    local open, lines, remove, rename = io.open, io.lines, os.remove, os.rename
    local loadfile_, load_, dofile_ = loadfile, load, dofile
    local lfs_dir, lfs_mkdir, lfs_rmdir, lfs_touch = lfs.dir, lfs.mkdir, lfs.rmdir, lfs.touch

    io.open = function(p, mode)
      mode = mode or "r"
      if find(mode, "[wa+]") then
        if not under(p, WRITE) then return refuse("writing", p) end
      elseif not under(p, READ) then
        return refuse("reading", p)
      end
      return open(p, mode)
    end
    io.lines = function(p, ...)
      if p ~= nil and not under(p, READ) then error("Folio sandbox: reading " .. tostring(p) .. " refused") end
      return lines(p, ...)
    end
    io.popen, io.input, io.output, io.tmpfile = nil, nil, nil, nil
    os.remove = function(p) if under(p, WRITE) then return remove(p) end return refuse("removing", p) end
    os.rename = function(a, b)
      if under(a, WRITE) and under(b, WRITE) then return rename(a, b) end
      return refuse("renaming", a)
    end
    os.execute, os.exec, os.spawn, os.setenv, os.tmpname, os.kpsepopen = nil, nil, nil, nil, nil, nil
    lfs.dir = function(p) if under(p, READ) then return lfs_dir(p) end error("Folio sandbox: listing " .. tostring(p) .. " refused") end
    lfs.mkdir = function(p) if under(p, WRITE) then return lfs_mkdir(p) end return refuse("mkdir", p) end
    lfs.rmdir = function(p) if under(p, WRITE) then return lfs_rmdir(p) end return refuse("rmdir", p) end
    lfs.touch = function(p, ...) if under(p, WRITE) then return lfs_touch(p, ...) end return refuse("touch", p) end
    lfs.link, lfs.lock, lfs.unlock, lfs.setmode = nil, nil, nil, nil
    -- Relative paths are checked against the starting folder, so it may not change.
    lfs.chdir = nil
    -- Libraries that open files by name: the same read rule.
    local function guardOpen(lib, name)
      if lib and lib[name] then
        local f = lib[name]
        lib[name] = function(p, ...)
          if type(p) == "string" and not under(p, READ) then return refuse("reading", p) end
          return f(p, ...)
        end
      end
    end
    guardOpen(pdfe, "open")
    guardOpen(fontloader, "open")
    guardOpen(fontloader, "info")
    guardOpen(epdf, "open")
    if img then
      for _, name in ipairs({ "new", "scan" }) do
        local f = img[name]
        if f then
          img[name] = function(t, ...)
            if type(t) == "table" and type(t.filename) == "string" and not under(t.filename, READ) then
              error("Folio sandbox: reading " .. t.filename .. " refused")
            end
            return f(t, ...)
          end
        end
      end
    end

    -- Text chunks only, with two exceptions: compiled fonts in the shared caches, which this build
    -- cannot write, and the bytecode of a function just compiled from text (lualibs' formatters do
    -- load(string.dump(load(text)))), recognised by dumping that function again and comparing.
    -- lualibs' load calls the global loadstring for strings, so loadstring calls the saved one.
    local loadstring_, dump_ = loadstring, string.dump
    local recent = nil
    local function binary(s) return type(s) == "string" and sub(s, 1, 1) == "\27" end
    local function fromText(s)
      if recent == nil then return false end
      return dump_(recent, true) == s or dump_(recent) == s
    end
    -- Lua 5.3 treats an env argument given as nil as "no globals", so env is passed only when given.
    local function loadBinary(s, name, hasEnv, env)
      local loader = loadstring_ or load_
      if hasEnv then return loader(s, name, "b", env) end
      return loader(s, name, "b")
    end
    local function loadText(chunk, name, hasEnv, env)
      local loader = (type(chunk) == "string" and loadstring_) or load_
      local f, err
      if hasEnv then f, err = loader(chunk, name, "t", env) else f, err = loader(chunk, name, "t") end
      if f then recent = f end
      return f, err
    end
    local function guardedLoad(chunk, name, mode, ...)
      local hasEnv, env = select("#", ...) > 0, ...
      if binary(chunk) then
        if fromText(chunk) then return loadBinary(chunk, name, hasEnv, env) end
        return refuse("loading binary chunk", name)
      end
      return loadText(chunk, name, hasEnv, env)
    end
    load, loadstring = guardedLoad, guardedLoad
    loadfile = function(p, mode, ...)
      if not under(p, READ) then return refuse("loading", p) end
      local m = under(p, BINARY) and (mode or "bt") or "t"
      if select("#", ...) > 0 then return loadfile_(p, m, ...) end
      return loadfile_(p, m)
    end
    dofile = function(p)
      local f, err = loadfile(p)
      if not f then error(err) end
      return f()
    end

    -- Lua modules load through the wrapped loadfile (text only outside the shared caches).
    local findFile = kpse and kpse.find_file
    local function searchLua(name)
      local path = findFile and findFile(name, "lua")
      if not path then return "\n\tFolio sandbox: no Lua module '" .. tostring(name) .. "'" end
      local f, err = loadfile(path)
      if not f then error(err, 0) end
      return f, path
    end
    if package.searchers then package.searchers[2] = searchLua end
    if package.loaders then package.loaders[2] = searchLua end
    package.loadlib = nil
    if package.searchers then package.searchers[3], package.searchers[4] = nil, nil end
    if package.loaders then package.loaders[3], package.loaders[4] = nil, nil end
    package.cpath = ""
    debug = nil
    package.loaded.debug = nil
    ffi = nil
    package.loaded.ffi = nil
    if lua then lua.setbytecode, lua.getbytecode = nil, nil end
    package.loaded.io.popen = nil
    """#
}

/// Folders named after the process that made them, removed once that process is gone.
enum StaleFolders {
    static func isRunning(_ pid: Int32) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }
}
