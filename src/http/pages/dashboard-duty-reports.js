// The 述职报告 part of the dashboard: every report of the unit viewed (and its units below), in one Word
// file, each from a new page, or the same as a web page to print. Loaded after dashboard.js, whose $ and
// api it uses; it adds its own buttons under the review downloads.
;(function dutyReports() {
  const box = document.createElement('div')
  box.className = 'downloads'
  box.id = 'duty-reports'
  box.innerHTML =
    '<button id="duty-docx" type="button" class="primary">下载全部述职报告（Word）</button>' +
    '<button id="duty-html" type="button" class="secondary">述职报告打印版（网页）</button>'
  $('xlsx').parentElement.after(box)

  async function download(ext) {
    const year = $('year').value
    const org = $('org').value
    try {
      const res = await api(`/api/v1/duty-reports/${year}.${ext}` + (org ? `?org=${encodeURIComponent(org)}` : ''))
      const a = document.createElement('a')
      a.href = URL.createObjectURL(await res.blob())
      a.download = `${year}年述职报告${org ? `（${org}）` : ''}.${ext}`
      a.click()
    } catch (e) {
      $('error').textContent = e.message
    }
  }

  $('duty-docx').addEventListener('click', () => download('docx'))
  $('duty-html').addEventListener('click', () => download('html'))
})()
