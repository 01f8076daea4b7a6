import HeatGridCore

/// The built-in scale families: linear, log, pow (gamma), symlog, diverging (two slopes), bins and categorical.
public enum BuiltInScales {
    public static let all: [any ScaleProvider] = [
        LinearScaleProvider(), LogScaleProvider(), PowerScaleProvider(), SymlogScaleProvider(), DivergingScaleProvider(),
        BinnedScaleProvider(), CategoricalScaleProvider(),
    ]

    public static func register(into registry: inout PluginRegistry) {
        for provider in all { registry.register(scale: provider) }
    }
}
