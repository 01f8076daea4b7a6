import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Loading runtime plugins: shared libraries built separately against the `HeatGridPluginAPI`
/// product, entered through the C symbols described in `PluginAPI`.
extension PluginRegistry {
    /// The environment variable naming plugin libraries or folders of them, colon-separated.
    public static let pluginPathVariable = "HEATGRID_PLUGIN_PATH"

    /// The API library SwiftPM builds next to every plugin; it is not a plugin itself, so folder
    /// scans skip it (a plugin's `.build/release` folder can be given as it is).
    static let apiLibraryName = "libHeatGridPluginAPI.so"

    /// Loads the plugin library at `path` and lets it register its implementations, recorded in
    /// `origins` under the library's absolute path. The plugin's API version is checked before any
    /// of its registration code runs; a library that is missing, not loadable, not a HeatGrid
    /// plugin or built against another API version is a `HeatGridError.io` naming the file.
    public mutating func loadPlugin(at path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw HeatGridError.io(path: path, message: "no such plugin library")
        }
        guard !isDirectory.boolValue else {
            throw HeatGridError.io(path: path, message: "is a folder, expected a plugin library (.so)")
        }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        _ = dlerror()
        // Never dlclose: the Swift runtime keeps pointers into every loaded image's metadata.
        guard let handle = dlopen(absolute, RTLD_NOW | RTLD_LOCAL) else {
            throw HeatGridError.io(path: path, message: "cannot load plugin library: \(Self.lastDynamicLinkerError())")
        }
        guard let versionSymbol = dlsym(handle, PluginAPI.versionSymbol) else {
            throw HeatGridError.io(path: path, message:
                "not a HeatGrid plugin: it exports no '\(PluginAPI.versionSymbol)' function (\(Self.lastDynamicLinkerError()))")
        }
        typealias VersionFunction = @convention(c) () -> Int32
        let version = Int(unsafeBitCast(versionSymbol, to: VersionFunction.self)())
        guard version == PluginAPI.version else {
            throw HeatGridError.io(path: path, message:
                "plugin built against HeatGrid plugin API \(version), this heatgrid speaks \(PluginAPI.version); rebuild the plugin against this version")
        }
        guard let registerSymbol = dlsym(handle, PluginAPI.registerSymbol) else {
            throw HeatGridError.io(path: path, message:
                "not a HeatGrid plugin: it exports no '\(PluginAPI.registerSymbol)' function (\(Self.lastDynamicLinkerError()))")
        }
        typealias RegisterFunction = @convention(c) (UnsafeMutableRawPointer) -> Void
        let register = unsafeBitCast(registerSymbol, to: RegisterFunction.self)
        let previousOrigin = currentOrigin
        currentOrigin = absolute
        withUnsafeMutablePointer(to: &self) { register(UnsafeMutableRawPointer($0)) }
        currentOrigin = previousOrigin
    }

    /// Loads every `*.so` in `folder`, sorted by name (the API library itself is skipped).
    public mutating func loadPlugins(inFolder folder: String) throws {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            throw HeatGridError.io(path: folder, message: "not a readable folder of plugin libraries")
        }
        for name in names.sorted() where name.hasSuffix(".so") && name != Self.apiLibraryName {
            try loadPlugin(at: (folder as NSString).appendingPathComponent(name))
        }
    }

    /// Loads each path: a plugin library, or a folder of them. Relative paths are taken relative
    /// to `baseURL` (a spec's folder), or to the working directory when it is nil.
    public mutating func loadPlugins(_ paths: [String], relativeTo baseURL: URL? = nil) throws {
        for path in paths where !path.isEmpty {
            let resolved = baseURL.map { $0.resolvingSpecPath(path).path } ?? (path as NSString).expandingTildeInPath
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), isDirectory.boolValue {
                try loadPlugins(inFolder: resolved)
            } else {
                try loadPlugin(at: resolved)
            }
        }
    }

    /// Loads the plugins named by `HEATGRID_PLUGIN_PATH` (files or folders, colon-separated).
    public mutating func loadPluginsFromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard let value = environment[Self.pluginPathVariable], !value.isEmpty else { return }
        try loadPlugins(value.split(separator: ":").map(String.init))
    }

    /// Loads the plugins of `HEATGRID_PLUGIN_PATH`, then `paths` (a `--plugin` option's, relative to
    /// the working directory), so a plugin on the command line replaces one from the environment.
    public mutating func loadPlugins(commandLine paths: [String],
                                     environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        try loadPluginsFromEnvironment(environment)
        try loadPlugins(paths)
    }

    /// Where the registration `kind:name` came from ("built-in" when unrecorded).
    public func origin(of kind: String, _ name: String) -> String {
        origins["\(kind):\(name.lowercased())"] ?? PluginAPI.builtInOrigin
    }

    private static func lastDynamicLinkerError() -> String {
        dlerror().map { String(cString: $0) } ?? "unknown dynamic linker error"
    }
}

extension Renderer {
    /// This renderer with the plugins at `paths` (libraries or folders, relative to `baseURL`)
    /// loaded into a copy of its registry.
    public func loadingPlugins(_ paths: [String], relativeTo baseURL: URL? = nil) throws -> Renderer {
        guard !paths.isEmpty else { return self }
        var renderer = self
        try renderer.registry.loadPlugins(paths, relativeTo: baseURL)
        return renderer
    }
}
