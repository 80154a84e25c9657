// Server bundle for Apps Script: one classic script, no modules left at run time.
// esbuild-loader does the TypeScript; gas-webpack-plugin turns `global.x = …` in src/main.ts
// into the top-level function declarations that menus, triggers and google.script.run need.
const path = require('path');
const GasPlugin = require('gas-webpack-plugin');

module.exports = {
  mode: 'production',
  // 'eval' devtools hide `global.x =` from the plugin (fossamagna/gas-webpack-plugin#135).
  devtool: false,
  context: __dirname,
  entry: './src/main.ts',
  output: { path: path.resolve(__dirname, 'dist'), filename: 'Code.js', clean: false },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    // Each module is minified on its own (whitespace, syntax, local names) to keep the bundle well
    // inside its 400 KB budget. Exported functions and every entry point keep their names, so the
    // executions log's stack traces still name them; only module-private helpers are shortened.
    rules: [{ test: /\.ts$/, loader: 'esbuild-loader', options: { target: 'es2020', minifyWhitespace: true, minifySyntax: true, minifyIdentifiers: true } }],
  },
  target: ['web', 'es2020'],
  // No whole-bundle minifier: it would drop the top-level function stubs the plugin adds.
  optimization: { minimize: false },
  performance: { hints: false },
  plugins: [new GasPlugin({ include: ['src/**'], comment: false })],
};
