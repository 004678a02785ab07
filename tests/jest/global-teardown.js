module.exports = async () => {
  await globalThis.__HARBOUR_TEST_SERVER__?.stop();
};
