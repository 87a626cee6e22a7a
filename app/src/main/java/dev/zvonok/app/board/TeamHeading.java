package dev.zvonok.app.board;

/**
 * The heading above a team's operators when the board is grouped by team.
 *
 * @param team      the team's name; null for the operators in no team
 * @param operators how many of the team's operators pass the filter
 * @param available how many of them are available now
 */
public record TeamHeading(String team, int operators, int available) implements BoardLine {
}
