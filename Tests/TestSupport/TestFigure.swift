import HeatGridCore

/// The flagship figure's shape with made-up values: 8 panels of 32 x 32 (or `shapes`), titled like
/// the paper's tasks (or `titles`), values rising from 0 to past the 0.003 where the colour scale ends.
public func flagshipDataset(titles: [String]? = nil, shapes: [(Int, Int)]? = nil) -> Dataset {
    let names = titles ?? ["Knowledge Recall", "Retrieval", "Logical Reasoning", "Decision-making",
                           "Semantic Understanding", "Syntactic Understanding", "Inference", "Math Calculation"]
    return Dataset(panels: names.enumerated().map { i, name in
        let (rows, columns) = shapes?[i] ?? (32, 32)
        return Panel(title: name, matrix: Matrix(rows: rows, columns: columns, values: (0..<(rows * columns)).map { Double($0) * 4e-6 }))
    }, rowName: "layer", columnName: "head", valueName: "importance")
}

/// `dataset` composed at `size` by `layout` the way the flagship is labelled: axis titles "Head"
/// and "Layer" (placed as `titles` says), every 6th tick labelled, a colorbar "Heads Importance"
/// over 0...0.003 (clamped, so its last label reads "0.0030+"), the paper theme, and
/// `FakeMeasurer`'s metrics instead of a font; cells square unless `cells` says otherwise.
public func composeFigure(_ dataset: Dataset = flagshipDataset(), size: Size, layout: any Layout, layoutSpec: LayoutSpec,
                          titles: AxesSpec.TitlePlacement = .all,
                          colorbar: ColorbarPlacement = .right, cells: CellAspect = .square) throws -> (scene: Scene, layout: FigureLayout) {
    var labels = FigureComposer.Labels(xTitle: "Head", yTitle: "Layer", colorbarTitle: "Heads Importance",
                                       xTickStep: 6, yTickStep: 6, axisTitles: titles)
    labels.colorbarPlacement = colorbar
    let composer = FigureComposer(dataset: dataset, mapping: testMapping(0...0.003, data: dataset.panels.flatMap(\.matrix.values)),
                                  theme: .paper, labels: labels, layout: layout, layoutSpec: layoutSpec, cellAspect: cells,
                                  measurer: FakeMeasurer())
    return try composer.compose(size: size)
}
