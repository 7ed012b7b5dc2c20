/** A staff member as lists and print-outs name them: "Full Name (username)", or the username. */
export const staffName = (member: { username: string; fullName: string | null }): string =>
  member.fullName ? `${member.fullName} (${member.username})` : member.username;
