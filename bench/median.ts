/** The middle value (the upper one of the two middle values of an even count). */
export const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
