// The small form (passphrase, passkey) that unlocks a protected vault.

/**
 * Fill the (empty) `<form>` `form` with a passphrase input and a passkey
 * button, and send what the user picks to `unlockWith(how)`; errors go to
 * `onError`. The page shows or hides the form.
 */
export function mountUnlockForm(form, unlockWith, onError) {
  form.innerHTML = `<strong>Locked.</strong>
    <input id="unlock-passphrase" type="password" placeholder="vault passphrase" autocomplete="current-password">
    <button type="submit">Unlock</button> <button id="unlock-with-passkey" type="button">Use passkey</button>`;
  form.onsubmit = (ev) => {
    ev.preventDefault();
    unlockWith({ passphrase: form.querySelector('#unlock-passphrase').value }).catch(onError);
  };
  form.querySelector('#unlock-with-passkey').onclick = () => unlockWith({ passkey: true }).catch(onError);
}
