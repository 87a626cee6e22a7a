package dev.zvonok.app.board;

/** A line of the operators' table: an operator, or the heading of a team when the board is grouped by team. */
public sealed interface BoardLine permits OperatorRow, TeamHeading {
}
