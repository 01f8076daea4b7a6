import Foundation

extension URL {
    /// `path` as written in a spec: absolute, or relative to this folder. Unlike
    /// `URL(fileURLWithPath:relativeTo:)` this does not need the folder URL to end in "/".
    public func resolvingSpecPath(_ path: String) -> URL {
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return URL(fileURLWithPath: expanded).standardizedFileURL }
        return appendingPathComponent(expanded).standardizedFileURL
    }
}
