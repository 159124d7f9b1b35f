/** An upload the server will not read, with the sentence to show the admin who sent it. */
export class UploadRefused extends Error {
  constructor(readonly reason: string) {
    super(reason)
    this.name = 'UploadRefused'
  }
}
