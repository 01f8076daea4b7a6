/// A spec section that a plugin answers to (`layout`, `scale`, `data`, `svg`): a few keys the
/// core reads itself (`layout.type`), the rest kept raw in `options` for the chosen plugin, which
/// declares them (`PluginDescribing.options`) and reads them with `option(_:as:specFile:)`.
public protocol PluginSection: Sendable {
    /// The section's key in a spec: "layout".
    static var key: String { get }
    /// The keys the core reads, valid whichever plugin is chosen: "type" for `layout`.
    static var coreKeys: [String] { get }
    /// Every other key of the section, as written.
    var options: [String: SpecValue] { get set }
    /// Where the section is, for messages: `key`, or `marks[2]` for an entry of a list.
    var keyPath: String { get }
}

extension PluginSection {
    public var keyPath: String { Self.key }

    /// The option `name` as `Value` (`Int`, `Double`, `String`, `Bool`, `Length`, `RGBA`, or a
    /// list of them), or nil when the spec does not set it. A value of another type is a
    /// `HeatGridError.spec` naming the key (`layout.gutter`) and what was expected.
    ///
    ///     let gutter = try request.spec.option("gutter", as: Length.self, specFile: request.specFile)
    public func option<Value: SpecOptionValue>(_ name: String, as _: Value.Type = Value.self,
                                               specFile: String) throws -> Value? {
        guard let raw = options[name], raw != .null else { return nil }
        guard let value = Value(specValue: raw) else {
            throw HeatGridError.spec(file: specFile, key: "\(keyPath).\(name)",
                                     message: "expected \(Value.expectation), found \(raw)")
        }
        return value
    }

    /// Checks every option against `plugin`'s declaration: an undeclared key is an error naming
    /// the nearest valid one and the plugin's options (and, from `others`, which plugins of the
    /// same kind do take it); a value of the wrong kind names what was expected. `plugin` reads
    /// like "the 'grid' layout".
    func checkOptions(against declared: [PluginOption], plugin: String,
                      others: [(plugin: String, options: [PluginOption])] = [], specFile: String) throws {
        for key in options.keys.sorted() {
            let value = options[key]!
            guard let option = declared.first(where: { $0.name == key }) else {
                let valid = Self.coreKeys + declared.map(\.name)
                let hint = nearest(to: key, in: valid).map { "; did you mean '\($0)'?" } ?? ""
                let own = declared.isEmpty ? "it has no options"
                    : "its options: " + declared.map(\.name).joined(separator: ", ")
                let owners = others.filter { $0.options.contains { $0.name == key } }.map(\.plugin)
                let elsewhere = owners.isEmpty ? "" : "; '\(key)' is an option of \(owners.joined(separator: " and "))"
                throw HeatGridError.spec(file: specFile, key: "\(keyPath).\(key)",
                                         message: "\(plugin) has no option '\(key)'\(hint) (\(own)\(elsewhere))")
            }
            guard value == .null || option.kind.accepts(value) else {
                var message = "expected \(option.kind.expectation), found \(value)"
                if case .choice(let choices) = option.kind, case .string(let text) = value,
                   let close = nearest(to: text, in: choices) {
                    message += "; did you mean \"\(close)\"?"
                }
                throw HeatGridError.spec(file: specFile, key: "\(keyPath).\(key)", message: message)
            }
        }
    }
}

extension LayoutRequest {
    /// The layout option `name` from the spec's `layout` section (see `PluginSection.option`).
    public func option<Value: SpecOptionValue>(_ name: String, as _: Value.Type = Value.self) throws -> Value? {
        try spec.option(name, as: Value.self, specFile: specFile)
    }
}

extension ScaleRequest {
    /// The scale option `name` from the spec's `scale` section (see `PluginSection.option`).
    public func option<Value: SpecOptionValue>(_ name: String, as _: Value.Type = Value.self) throws -> Value? {
        try spec.option(name, as: Value.self, specFile: specFile)
    }
}

extension DataRequest {
    /// The source option `name` from the spec's `data` section (see `PluginSection.option`).
    public func option<Value: SpecOptionValue>(_ name: String, as _: Value.Type = Value.self) throws -> Value? {
        try spec.option(name, as: Value.self, specFile: specFile)
    }
}
