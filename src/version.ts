/** coldtail's version, written into every results.json (a test keeps it equal to package.json's). */
export const VERSION = '0.1.0';
