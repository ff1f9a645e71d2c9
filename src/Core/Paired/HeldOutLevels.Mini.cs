namespace NasOrleans.Core.Paired;

public static partial class HeldOutLevels
{
    private static (string Name, string Text)[] MiniTexts() =>
    [
        ("Empty", """
            ######
            #>...#
            #....#
            #....#
            #...G#
            ######
            """),
        ("FourRooms", """
            ######
            #....#
            #..#G#
            #.##.#
            #.>#.#
            ######
            """),
        ("TwoRooms", """
            ######
            #>.#.#
            #..#.#
            #..#G#
            #....#
            ######
            """),
        ("Cluttered", """
            ######
            #>...#
            ##.#.#
            #.#..#
            #G..##
            ######
            """),
        ("Maze", """
            ######
            #>...#
            ####.#
            #G.#.#
            #....#
            ######
            """),    ];
}
