import Foundation
import HeatGridCore

/// A user's folder of colormap files, registered like the built-ins.
public enum ColormapFolder {
    /// Every colormap file directly in `folder` (extensions `ColormapFile.fileExtensions`, any
    /// case; hidden files, subfolders and other files are passed over), sorted by name and named
    /// by base name in lower case. A file that fails to parse fails the whole load, so a broken
    /// file is reported rather than silently missing; so do two files that would share a name
    /// (`batlow.cpt` and `batlow.txt`), since either choice would surprise someone.
    /// Error paths start with `displayPath`, else the folder's path.
    public static func load(_ folder: URL, displayPath: String? = nil) throws -> [ImportedColormap] {
        let shownFolder = displayPath ?? folder.path
        let entries: [URL]
        do {
            entries = try FileManager.default.contentsOfDirectory(
                at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        } catch {
            throw HeatGridError.io(path: shownFolder, message: "cannot list the colormap folder: \(error.localizedDescription)")
        }
        let files = entries.filter { url in
            ColormapFile.Format(fileExtension: url.pathExtension) != nil
                && (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
        }.sorted { ($0.lastPathComponent.lowercased(), $0.lastPathComponent) < ($1.lastPathComponent.lowercased(), $1.lastPathComponent) }

        var fileForName: [String: String] = [:]
        var colormaps: [ImportedColormap] = []
        for file in files {
            let name = ColormapFile.defaultName(for: file)
            if let other = fileForName[name] {
                throw HeatGridError.io(path: shownFolder, message: "'\(other)' and '\(file.lastPathComponent)' would "
                                       + "both be the colormap '\(name)'; keep one of them")
            }
            fileForName[name] = file.lastPathComponent
            let shownFile = (shownFolder.hasSuffix("/") ? shownFolder : shownFolder + "/") + file.lastPathComponent
            colormaps.append(try ColormapFile.load(contentsOf: file, displayPath: shownFile, name: name))
        }
        return colormaps
    }

    /// Loads `folder` and registers every colormap in it (replacing any of the same name).
    public static func register(_ folder: URL, displayPath: String? = nil, into registry: inout PluginRegistry) throws {
        for colormap in try load(folder, displayPath: displayPath) { registry.register(colormap: colormap) }
    }
}
