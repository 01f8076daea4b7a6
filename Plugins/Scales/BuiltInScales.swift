import HeatGridCore

/// The built-in scale families: linear, log, pow (gamma), symlog and diverging (two slopes).
public enum BuiltInScales {
    public static let all: [any ScaleProvider] = [
        LinearScaleProvider(), LogScaleProvider(), PowerScaleProvider(), SymlogScaleProvider(), DivergingScaleProvider(),
    ]

    public static func register(into registry: inout PluginRegistry) {
        for provider in all { registry.register(scale: provider) }
    }
}
