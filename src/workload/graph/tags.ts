/** Tag for calls that one function makes to another and waits for. */
export const TAG_CHILD = -1;
/** Tag for fire-and-forget calls between functions. */
export const TAG_ASYNC = -2;
