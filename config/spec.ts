/** The normalised spec lives in core (its planners consume it); config validates stack files into it. */
export * from "../core/spec";
