// PostCSS for the web build: Mantine's preset (light-dark, rem, breakpoint mixins).
module.exports = {
  plugins: {
    'postcss-preset-mantine': {},
  },
};
