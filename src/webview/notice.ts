/** A short confirmation ("Task ID copied.") in the page's notice line, gone after a few seconds. */
export class Notice {
  private timer: ReturnType<typeof setTimeout> | undefined;

  show(message: string): void {
    const notice = document.getElementById('notice');
    if (!notice) return;
    notice.textContent = message;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      notice.textContent = '';
    }, 4000);
  }
}
